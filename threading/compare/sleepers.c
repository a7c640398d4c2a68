/* The practical limit for VirtualThreads' sleepers: N pthreads that each sleep, in C.
   Prints the same row names: threads started, OS threads at peak, peak RSS (MB), time (ms). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static long sleep_ms;
static pthread_barrier_t everyone;   /* every sleeper waits until all have started, as in VirtualThreads */

static long status(const char *field) {
    char line[256];
    long value = 0;
    FILE *f = fopen("/proc/self/status", "r");
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, field, strlen(field)) == 0) value = atol(line + strlen(field));
    if (f) fclose(f);
    return value;
}

static void *sleeper(void *arg) {
    (void) arg;
    pthread_barrier_wait(&everyone);
    usleep(sleep_ms * 1000);
    return NULL;
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 10000;
    sleep_ms = argc > 2 ? atol(argv[2]) : 1000;
    pthread_t *threads = calloc(n, sizeof *threads);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 64 * 1024);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pthread_barrier_init(&everyone, NULL, n + 1);
    for (int i = 0; i < n; i++)
        if (pthread_create(&threads[i], &attr, sleeper, NULL) != 0) { perror("pthread_create"); return 1; }
    pthread_barrier_wait(&everyone);
    long peak = status("Threads:");
    for (int i = 0; i < n; i++) pthread_join(threads[i], NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    printf("%-32s %10s\n%d sleepers of %ld ms\n", "C pthreads", "pthread", n, sleep_ms);
    printf("  %-30s %10d\n  %-30s %10ld\n  %-30s %10ld\n  %-30s %10ld\n", "threads started", n,
           "OS threads at peak", peak, "peak RSS (MB)", status("VmHWM:") / 1024, "time (ms)", ms);
    return 0;
}
