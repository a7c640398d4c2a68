/* The practical limit for QueueThroughput: P producer threads hand items to C consumer threads
 * through a bounded ring guarded by one pthread mutex and two condition variables (what
 * ArrayBlockingQueue is), one item per lock round. Every item is checked to arrive exactly once.
 * Usage: queue_bench ITEMS_PER_PRODUCER ROUNDS PRODUCERS CONSUMERS */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define CAP 8192
static long ring[CAP], head, tail, count;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER, not_full = PTHREAD_COND_INITIALIZER;
static long items;
static long got[64], sum[64];

static void put(long v) {
    pthread_mutex_lock(&lock);
    while (count == CAP) pthread_cond_wait(&not_full, &lock);
    ring[tail] = v; tail = (tail + 1) % CAP; count++;
    pthread_cond_signal(&not_empty);
    pthread_mutex_unlock(&lock);
}

static long take(void) {
    pthread_mutex_lock(&lock);
    while (count == 0) pthread_cond_wait(&not_empty, &lock);
    long v = ring[head]; head = (head + 1) % CAP; count--;
    pthread_cond_signal(&not_full);
    pthread_mutex_unlock(&lock);
    return v;
}

static void *produce(void *arg) { (void) arg; for (long n = 0; n < items; n++) put(n); return NULL; }

static void *consume(void *arg) {
    long me = (long) arg;
    for (long v; (v = take()) != -1; ) { got[me]++; sum[me] += v; }
    return NULL;
}

int main(int argc, char **argv) {
    items = argc > 1 ? atol(argv[1]) : 200000;
    int rounds = argc > 2 ? atoi(argv[2]) : 3, np = argc > 3 ? atoi(argv[3]) : 4, nc = argc > 4 ? atoi(argv[4]) : 2;
    if (items < 1 || rounds < 1 || np < 1 || np > 64 || nc < 1 || nc > 64) { fprintf(stderr, "bad arguments\n"); return 2; }
    double best = 0;
    for (int r = 0; r < rounds; r++) {
        pthread_t p[64], c[64];
        struct timespec t0, t1;
        for (int i = 0; i < nc; i++) got[i] = sum[i] = 0;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        for (long i = 0; i < nc; i++) pthread_create(&c[i], NULL, consume, (void *) i);
        for (int i = 0; i < np; i++) pthread_create(&p[i], NULL, produce, NULL);
        for (int i = 0; i < np; i++) pthread_join(p[i], NULL);
        for (int i = 0; i < nc; i++) put(-1);
        for (int i = 0; i < nc; i++) pthread_join(c[i], NULL);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        long total = 0, totalSum = 0;
        for (int i = 0; i < nc; i++) { total += got[i]; totalSum += sum[i]; }
        if (total != np * items || totalSum != np * (items * (items - 1) / 2)) { fprintf(stderr, "lost items\n"); return 1; }
        double rate = total / ((t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
        if (rate > best) best = rate;
    }
    printf("c queue (mutex + condvars, ring of %d): %.0f items/s\n", CAP, best);
    return 0;
}
