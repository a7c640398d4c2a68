/* The book's protocol in C, the practical limit for SocketThroughput: one
 * accept loop (accept, one recv of up to 1024 bytes, send "server got: [..]",
 * close) and K client threads, each sending M messages, a connection each.
 *   gcc -O2 -pthread -o /tmp/socket_bench socket_bench.c
 *   /tmp/socket_bench 5 4000 tcp      (or unix: a socket file in /tmp) */
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static int clients = 5, messages = 4000, unix_socket;
static struct sockaddr_storage address;
static socklen_t address_length;
static int bad;

static void *serve(void *arg) {
    int listener = *(int *)arg;
    char data[1024], reply[1100];
    for (;;) {
        int conn = accept(listener, NULL, NULL);
        if (conn < 0) continue;
        ssize_t n = recv(conn, data, sizeof data, 0);
        if (n < 0) n = 0;
        int length = snprintf(reply, sizeof reply, "server got: [%.*s]", (int)n, data);
        send(conn, reply, length, 0);
        close(conn);
    }
    return NULL;
}

static void *client(void *arg) {
    char name[32], expected[64], reply[1100];
    snprintf(name, sizeof name, "client%ld", (long)arg);
    int want = snprintf(expected, sizeof expected, "server got: [%s]", name);
    for (int m = 0; m < messages; m++) {
        int sock = socket(unix_socket ? AF_UNIX : AF_INET, SOCK_STREAM, 0);
        int got = 0;
        if (connect(sock, (struct sockaddr *)&address, address_length) == 0) {
            send(sock, name, strlen(name), 0);
            for (ssize_t n; got < want && (n = recv(sock, reply + got, sizeof reply - got, 0)) > 0; ) got += n;
        }
        if (got != want || memcmp(reply, expected, want) != 0) __sync_fetch_and_add(&bad, 1);
        close(sock);
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc > 1) clients = atoi(argv[1]);
    if (argc > 2) messages = atoi(argv[2]);
    unix_socket = argc > 3 && strcmp(argv[3], "unix") == 0;
    if (clients < 1 || clients > 64 || messages < 1) { fprintf(stderr, "usage: socket_bench [K 1..64] [M] [tcp|unix]\n"); return 2; }
    int listener = socket(unix_socket ? AF_UNIX : AF_INET, SOCK_STREAM, 0);
    char path[64] = "";
    if (unix_socket) {
        struct sockaddr_un *un = (struct sockaddr_un *)&address;
        snprintf(path, sizeof path, "/tmp/socket_bench.%d.sock", (int)getpid());
        un->sun_family = AF_UNIX;
        strcpy(un->sun_path, path);
        address_length = sizeof *un;
    } else {
        struct sockaddr_in *in = (struct sockaddr_in *)&address;
        in->sin_family = AF_INET;
        in->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address_length = sizeof *in;
    }
    if (bind(listener, (struct sockaddr *)&address, address_length) < 0 || listen(listener, 4096) < 0) { perror("bind"); return 1; }
    getsockname(listener, (struct sockaddr *)&address, &address_length);
    pthread_t server, threads[64];
    pthread_create(&server, NULL, serve, &listener);
    struct timespec t0, t1, c0, c1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    struct rusage r0, r1;
    getrusage(RUSAGE_SELF, &r0);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (long i = 0; i < clients; i++) pthread_create(&threads[i], NULL, client, (void *)i);
    for (int i = 0; i < clients; i++) pthread_join(threads[i], NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    getrusage(RUSAGE_SELF, &r1);
    double user = (r1.ru_utime.tv_sec - r0.ru_utime.tv_sec) + (r1.ru_utime.tv_usec - r0.ru_utime.tv_usec) / 1e6;
    double kernel = (r1.ru_stime.tv_sec - r0.ru_stime.tv_sec) + (r1.ru_stime.tv_usec - r0.ru_stime.tv_usec) / 1e6;
    double seconds = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    double cpu = (c1.tv_sec - c0.tv_sec) + (c1.tv_nsec - c0.tv_nsec) / 1e9;
    printf("%s: %.0f msg/s (%d in %.2f s, bad=%d), cpu %.0f us/msg (%.0f%% user)\n", unix_socket ? "unix" : "tcp",
           clients * messages / seconds, clients * messages, seconds, bad, cpu * 1e6 / (clients * messages),
           user + kernel > 0 ? 100 * user / (user + kernel) : 0);
    if (unix_socket) unlink(path);
    return 0;
}
