/*
 * The C floor of the usage benchmark: the same sums as `usage LOG --by model --period week`
 * on the benchmark's generated CSV (timestamp,model,provider,region,input_tokens,output_tokens),
 * with nothing a product needs: no validation, no error messages, no other layouts. The file is
 * memory-mapped and split at a newline between threads; each thread keeps its own table.
 * Output: week start (Monday), model, requests, input, output, total; sorted like DuckDB's.
 * Built and run by UsageBenchmark when gcc is present: gcc -O2 -pthread usage_floor.c
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

#define SLOTS (1 << 16)

typedef struct { long week; char model[32]; int len; long req, in, out; int used; } Group;
typedef struct { const char *from, *to; Group *table; } Part;

static long days_from_civil(long y, long m, long d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void *run(void *arg) {
    Part *p = arg;
    const char *s = p->from;
    while (s < p->to) {
        long y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        long m = (s[5] - '0') * 10 + (s[6] - '0');
        long d = (s[8] - '0') * 10 + (s[9] - '0');
        long day = days_from_civil(y, m, d);
        long monday = day - ((day % 7 + 7 + 3) % 7); /* 1970-01-01 was a Thursday */
        s = memchr(s, ',', p->to - s) + 1;
        const char *model = s;
        s = memchr(s, ',', p->to - s);
        int len = s - model;
        s = memchr(s + 1, ',', p->to - s) + 1; /* provider */
        s = memchr(s, ',', p->to - s) + 1;     /* region */
        long in = 0, out = 0;
        while (*s != ',') in = in * 10 + (*s++ - '0');
        s++;
        while (*s != '\n') out = out * 10 + (*s++ - '0');
        s++;
        unsigned h = (unsigned) monday * 2654435761u;
        for (int i = 0; i < len; i++) h = (h ^ (unsigned char) model[i]) * 16777619u;
        unsigned k = h & (SLOTS - 1);
        for (;;) {
            Group *g = &p->table[k];
            if (!g->used) {
                g->used = 1; g->week = monday; g->len = len; memcpy(g->model, model, len);
            }
            if (g->week == monday && g->len == len && memcmp(g->model, model, len) == 0) {
                g->req++; g->in += in; g->out += out;
                break;
            }
            k = (k + 1) & (SLOTS - 1);
        }
    }
    return NULL;
}

static int cmp(const void *a, const void *b) {
    const Group *x = a, *y = b;
    if (x->week != y->week) return x->week < y->week ? -1 : 1;
    int n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->model, y->model, n);
    return c != 0 ? c : x->len - y->len;
}

int main(int argc, char **argv) {
    int threads = argc > 2 ? atoi(argv[2]) : 2;
    int fd = open(argv[1], O_RDONLY);
    struct stat st;
    fstat(fd, &st);
    const char *data = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    const char *start = memchr(data, '\n', st.st_size) + 1, *end = data + st.st_size;
    Part parts[16];
    pthread_t tids[16];
    const char *from = start;
    for (int t = 0; t < threads; t++) {
        const char *to = t == threads - 1 ? end : start + (end - start) * (t + 1) / threads;
        if (t < threads - 1) to = memchr(to, '\n', end - to) + 1;
        parts[t].from = from; parts[t].to = to; parts[t].table = calloc(SLOTS, sizeof(Group));
        pthread_create(&tids[t], NULL, run, &parts[t]);
        from = to;
    }
    Group *all = calloc(SLOTS, sizeof(Group));
    int n = 0;
    for (int t = 0; t < threads; t++) {
        pthread_join(tids[t], NULL);
        for (int k = 0; k < SLOTS; k++) {
            Group *g = &parts[t].table[k];
            if (!g->used) continue;
            int i = 0;
            while (i < n && !(all[i].week == g->week && all[i].len == g->len && memcmp(all[i].model, g->model, g->len) == 0)) i++;
            if (i == n) all[n++] = *g; else { all[i].req += g->req; all[i].in += g->in; all[i].out += g->out; }
        }
    }
    qsort(all, n, sizeof(Group), cmp);
    for (int i = 0; i < n; i++) {
        long z = all[i].week + 719468, era = (z >= 0 ? z : z - 146096) / 146097, doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365, y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1, m = mp + (mp < 10 ? 3 : -9);
        printf("%04ld-%02ld-%02ld,%.*s,%ld,%ld,%ld,%ld\n", y + (m <= 2), m, d, all[i].len, all[i].model, all[i].req, all[i].in, all[i].out,
               all[i].in + all[i].out);
    }
    return 0;
}
