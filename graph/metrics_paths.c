/* metrics_paths.c - one shortest-path pass per source node, on several threads, for
 * betweenness, closeness and harmonic centrality (exact or from sampled sources; the choice
 * and the final formulas are in metrics_sample.c).
 *
 * Why our own code and not igraph's: Debian's igraph 0.10.2 is built without thread-local
 * error state (IGRAPH_THREAD_SAFE is 0: one global FINALLY stack and error handler), so its
 * functions must never run on two threads at once. This file touches no igraph object: it
 * works on a copy of the projection's adjacency (ng_csr).
 *
 * The numbers are igraph's, bit for bit (graph/README.md: Metrics), because each pass does
 * what igraph_betweenness, igraph_closeness and igraph_harmonic_centrality do:
 *   - Dijkstra from the source with distances stored plus one (the source has 1.0), lengths
 *     1/weight, neighbours in ascending order (igraph's incidence order), and a copy of
 *     igraph's two-way heap (the same comparisons, so nodes at equal distances come out in
 *     the same order);
 *   - for betweenness, a distance is kept as first found among lengths equal within igraph's
 *     tolerance (igraph_cmp_epsilon), each node's parents are listed as igraph lists them
 *     (reset by a shorter path), shortest-path counts add up in the same order, and the
 *     dependencies flow back in reverse settling order: delta[p] += sigma[p] * (1 +
 *     delta[x]) / sigma[x];
 *   - for closeness and harmonic, igraph runs a separate Dijkstra with a strict comparison;
 *     the strict minimum (dist_c) is kept alongside, and its sum is taken over the distances
 *     in ascending order, as igraph's heap pops them. (Tolerance-equal lengths differ by far
 *     less than any link's length, so both searches settle the same node sets in the same
 *     order up to such near-ties; the sorted sum makes the order irrelevant.)
 *   - igraph adds each source's dependencies into the result, source after source. Here the
 *     sources are shared among threads, each pass's values are copied into a ring of slots,
 *     and one thread at a time adds the slots in source order: the same additions in the same
 *     order whatever the number of threads, so every -j writes the same bytes.
 */
#include "graph_internal.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Memory the ring of slots may take (each slot holds one pass: 20 bytes per node reached).
 * Each thread also keeps 68 bytes per node and 4 per link end. */
#define SLOT_BYTES ((size_t)64 << 20)

/* ------------------------------------------------------------------ igraph's comparisons */

/* igraph_cmp_epsilon(a, b, IGRAPH_SHORTEST_PATH_EPSILON); the clearly different case, by far
 * the most common, is decided inline. */
static int cmp_len(double a, double b)
{
    if (a == b) return 0;
    double scale = (fabs(a) + fabs(b)) * 1e-9;
    if (a < b - scale) return -1;
    if (a > b + scale) return 1;
    return igraph_cmp_epsilon(a, b, IGRAPH_SHORTEST_PATH_EPSILON);
}

/* ------------------------------------------------------------------ one worker */

typedef struct slot {
    uint32_t *nodes; /* nodes reached, the source excluded */
    double *dep;     /* their dependencies (betweenness) */
    double *d;       /* their distances (when `sampled`) */
    size_t r;
    int sampled, ready;
} slot;

/* What a pass keeps per node, together: on large graphs each link followed costs a cache
 * miss per separate array it touches. */
typedef struct node_state {
    double dist;   /* betweenness: distance + 1, first found within tolerance; 0 = unreached */
    double dist_c; /* closeness, harmonic: distance + 1, strict minimum */
    double sigma;  /* shortest paths from the source (igraph's nrgeo) */
    double delta;  /* dependency of the source on the node (igraph's tmpscore) */
    uint32_t n_par; /* parents (igraph's parent list, reset by a shorter path): the first */
    uint32_t par0;  /* here, the others in worker.par[off[v] + 1 ...] */
} node_state;

typedef struct worker {
    const ng_paths *job;
    node_state *st;
    double *key;    /* igraph's two-way heap: keys (-distance) and node per position, and */
    uint32_t *node; /* each node's position + 2 (0 = not reached, 1 = settled): apart from */
    uint32_t *pos;  /* `st`, 4 bytes a node, as every step of the heap moves two positions and
                     * a link to a settled node (half of them) then costs no look at `st` */
    size_t size;
    uint32_t *par;  /* parents 1, 2, ... of node v at par[off[v] + 1 ...] (a subset of its
                     * neighbours, so off[v + 1] - off[v] entries always suffice) */
    uint32_t *order; /* nodes in settling order */
    double *sorted;  /* scratch: dist_c of the nodes reached, ascending */
    size_t r;
} worker;

static void heap_switch(worker *w, size_t a, size_t b)
{
    if (a == b) return;
    double k = w->key[a];
    uint32_t na = w->node[a], nb = w->node[b];
    w->key[a] = w->key[b];
    w->key[b] = k;
    w->pos[na] = (uint32_t)b + 2;
    w->pos[nb] = (uint32_t)a + 2;
    w->node[a] = nb;
    w->node[b] = na;
}

/* igraph_i_2wheap_shift_up: an element moves above a parent that is not larger. */
static void heap_up(worker *w, size_t e)
{
    while (e > 0 && !(w->key[e] < w->key[(e + 1) / 2 - 1])) {
        heap_switch(w, e, (e + 1) / 2 - 1);
        e = (e + 1) / 2 - 1;
    }
}

/* igraph_i_2wheap_sink: to the left child when it is not smaller than the right one. */
static void heap_sink(worker *w, size_t head)
{
    for (;;) {
        size_t left = 2 * head + 1, right = left + 1, to;
        if (left >= w->size) return;
        to = right == w->size || w->key[left] >= w->key[right] ? left : right;
        if (!(w->key[head] < w->key[to])) return;
        heap_switch(w, head, to);
        head = to;
    }
}

static void heap_push(worker *w, uint32_t v, double key)
{
    w->key[w->size] = key;
    w->node[w->size] = v;
    w->pos[v] = (uint32_t)w->size + 2;
    heap_up(w, w->size++);
}

/* igraph_2wheap_delete_max; returns the key. */
static double heap_pop(worker *w)
{
    double top = w->key[0];
    uint32_t v = w->node[0];
    heap_switch(w, 0, w->size - 1);
    w->size--;
    w->pos[v] = 1; /* settled */
    heap_sink(w, 0);
    return top;
}

static void heap_modify(worker *w, uint32_t v, double key)
{
    size_t p = w->pos[v] - 2;
    w->key[p] = key;
    heap_sink(w, p);
    heap_up(w, p);
}

/* Relaxes the links of u (just settled at distance du): igraph_i_sspf_weighted for dist,
 * sigma and the parents, igraph_i_closeness_cutoff_weighted's strict minimum for dist_c. */
static void relax(worker *w, uint32_t u, double du)
{
    const ng_csr *g = w->job->g;
    const node_state *su = &w->st[u];
    for (size_t e = g->off[u]; e < g->off[u + 1]; e++) {
        uint32_t v = g->adj[e], pv = w->pos[v];
        if (pv == 1) continue; /* settled: a longer path cannot change it */
        node_state *sv = &w->st[v];
        double alt = du + g->len[e];
        if (pv == 0) { /* first reached */
            sv->dist = alt;
            sv->dist_c = su->dist_c + g->len[e];
            sv->sigma = su->sigma;
            sv->par0 = u;
            sv->n_par = 1;
            heap_push(w, v, -alt);
            continue;
        }
        double alt_c = su->dist_c + g->len[e];
        if (alt_c < sv->dist_c) sv->dist_c = alt_c;
        int c = cmp_len(alt, sv->dist);
        if (c < 0) { /* shorter: u is its only parent so far */
            sv->dist = alt;
            sv->sigma = su->sigma;
            sv->par0 = u;
            sv->n_par = 1;
            heap_modify(w, v, -alt);
        } else if (c == 0) { /* as short, within igraph's tolerance */
            sv->sigma += su->sigma;
            w->par[g->off[v] + sv->n_par++] = u;
        }
    }
}

/* Dijkstra from s, then the dependencies in reverse settling order (igraph_betweenness). */
static void one_pass(worker *w, uint32_t s)
{
    const ng_csr *g = w->job->g;
    w->r = 0;
    w->st[s].dist = w->st[s].dist_c = w->st[s].sigma = 1.0;
    w->st[s].n_par = 0;
    heap_push(w, s, -1.0);
    while (w->size > 0) {
        uint32_t u = w->node[0];
        double du = -heap_pop(w);
        w->order[w->r++] = u;
        relax(w, u, du);
    }
    for (size_t i = w->r; i-- > 0;) {
        uint32_t x = w->order[i];
        const node_state *sx = &w->st[x];
        if (sx->n_par == 0) continue; /* the source */
        double coeff = (1.0 + sx->delta) / sx->sigma;
        w->st[sx->par0].delta += w->st[sx->par0].sigma * coeff;
        const uint32_t *more = w->par + g->off[x];
        for (uint32_t k = 1; k < sx->n_par; k++) w->st[more[k]].delta += w->st[more[k]].sigma * coeff;
    }
}

/* Closeness and harmonic centrality of the source, as igraph sums them: over the distances
 * in the order its heap settles them (ascending; ties are equal values). */
static void source_values(worker *w, uint32_t s)
{
    size_t r = w->r;
    double *d = w->sorted;
    for (size_t i = 0; i < r; i++) {
        double x = w->st[w->order[i]].dist_c;
        size_t j = i;
        /* insertion sort: the settling order is already sorted but for near-ties */
        while (j > 0 && d[j - 1] > x) {
            d[j] = d[j - 1];
            j--;
        }
        d[j] = x;
    }
    double sum = 0.0, inv = 0.0;
    for (size_t i = 0; i < r; i++) sum += d[i] - 1.0;
    for (size_t i = 1; i < r; i++) inv += 1.0 / (d[i] - 1.0); /* d[0] is the source */
    w->job->closeness[s] = sum == 0.0 ? 0.0 : (double)(r - 1) / sum;
    w->job->harmonic[s] = inv;
}

/* Copies the pass into `sl` and clears the worker's state for the next source. */
static void take_pass(worker *w, uint32_t s, slot *sl, int sampled)
{
    size_t k = 0;
    for (size_t i = 0; i < w->r; i++) {
        uint32_t v = w->order[i];
        if (v != s) {
            sl->nodes[k] = v;
            sl->dep[k] = w->st[v].delta;
            if (sampled) sl->d[k] = w->st[v].dist_c - 1.0;
            k++;
        }
        memset(&w->st[v], 0, sizeof w->st[v]);
        w->pos[v] = 0;
    }
    sl->r = k;
    sl->sampled = sampled;
}

static void worker_free(worker *w)
{
    free(w->st);
    free(w->key);
    free(w->node);
    free(w->pos);
    free(w->par);
    free(w->order);
    free(w->sorted);
}

static int worker_init(worker *w, const ng_paths *job)
{
    size_t n = job->g->n ? job->g->n : 1, arcs = job->g->off[job->g->n] + 1;
    memset(w, 0, sizeof *w);
    w->job = job;
    w->st = ng_calloc(n, sizeof *w->st);
    w->key = ng_malloc(n * sizeof *w->key);
    w->node = ng_malloc(n * sizeof *w->node);
    w->pos = ng_calloc(n, sizeof *w->pos);
    w->par = ng_malloc(arcs * sizeof *w->par);
    w->order = ng_malloc(n * sizeof *w->order);
    w->sorted = ng_malloc(n * sizeof *w->sorted);
    if (!w->st || !w->key || !w->node || !w->pos || !w->par || !w->order || !w->sorted) {
        worker_free(w);
        return NG_ENOMEM;
    }
    return NG_OK;
}

/* ------------------------------------------------------------------ threads and the ring */

typedef struct ring {
    const ng_paths *job;
    pthread_mutex_t lock;
    pthread_cond_t freed; /* a slot was added in */
    slot *slots;
    size_t n_slots;
    size_t next_take, next_add; /* the next source to compute, and to add in */
    int adding;                 /* a thread is adding slots in */
} ring;

/* Adds one pass into the sums (the only place that writes them: one thread at a time, in
 * source order). */
static void add_slot(const ng_paths *job, const slot *sl)
{
    for (size_t i = 0; i < sl->r; i++) job->bc[sl->nodes[i]] += sl->dep[i];
    if (!sl->sampled) return;
    for (size_t i = 0; i < sl->r; i++) {
        job->sum_d[sl->nodes[i]] += sl->d[i];
        job->sum_inv[sl->nodes[i]] += 1.0 / sl->d[i];
    }
}

/* With the lock held: unless another thread is at it, adds every ready slot in order. */
static void add_ready(ring *q)
{
    if (q->adding) return;
    q->adding = 1;
    for (;;) {
        slot *sl = &q->slots[q->next_add % q->n_slots];
        if (q->next_add >= q->job->n_sources || !sl->ready) break;
        pthread_mutex_unlock(&q->lock);
        add_slot(q->job, sl);
        pthread_mutex_lock(&q->lock);
        sl->ready = 0;
        q->next_add++;
        pthread_cond_broadcast(&q->freed);
        if (q->job->tick) {
            size_t done = q->next_add;
            pthread_mutex_unlock(&q->lock);
            q->job->tick(q->job->tick_ctx, done, q->job->n_sources);
            pthread_mutex_lock(&q->lock);
        }
    }
    q->adding = 0;
}

typedef struct runner {
    ring *q;
    worker w;
} runner;

static void *run(void *arg)
{
    runner *rn = arg;
    ring *q = rn->q;
    const ng_paths *job = q->job;
    pthread_mutex_lock(&q->lock);
    while (q->next_take < job->n_sources) {
        size_t i = q->next_take++;
        uint32_t s = job->sources[i];
        int exact = job->exact[s];
        pthread_mutex_unlock(&q->lock);
        one_pass(&rn->w, s);
        if (exact) source_values(&rn->w, s);
        pthread_mutex_lock(&q->lock);
        /* slot i % n_slots is free once source i - n_slots has been added in */
        while (i >= q->next_add + q->n_slots) pthread_cond_wait(&q->freed, &q->lock);
        slot *sl = &q->slots[i % q->n_slots];
        pthread_mutex_unlock(&q->lock);
        take_pass(&rn->w, s, sl, !exact);
        pthread_mutex_lock(&q->lock);
        sl->ready = 1;
        add_ready(q);
    }
    add_ready(q);
    pthread_mutex_unlock(&q->lock);
    return NULL;
}

static void slots_free(slot *slots, size_t n)
{
    for (size_t i = 0; slots && i < n; i++) {
        free(slots[i].nodes);
        free(slots[i].dep);
        free(slots[i].d);
    }
    free(slots);
}

static int slots_new(slot **out, size_t n_slots, size_t cap, int with_d)
{
    slot *s = ng_calloc(n_slots, sizeof *s);
    *out = s;
    if (!s) return NG_ENOMEM;
    for (size_t i = 0; i < n_slots; i++) {
        s[i].nodes = ng_malloc(cap * sizeof *s[i].nodes);
        s[i].dep = ng_malloc(cap * sizeof *s[i].dep);
        s[i].d = with_d ? ng_malloc(cap * sizeof *s[i].d) : NULL;
        if (!s[i].nodes || !s[i].dep || (with_d && !s[i].d)) return NG_ENOMEM;
    }
    return NG_OK;
}

/* Slots in the ring: enough for every thread to run ahead of the slowest pass, within
 * SLOT_BYTES. */
static size_t ring_size(const ng_paths *job, size_t threads, size_t cap)
{
    size_t by_memory = SLOT_BYTES / (cap * 20 + 1), n = 4 * threads;
    if (n > by_memory) n = by_memory;
    if (n < threads + 1) n = threads + 1;
    if (n > job->n_sources) n = job->n_sources;
    return n ? n : 1;
}

int ng_paths__run(const ng_paths *job)
{
    int error = NG_OK;
    size_t threads = job->threads > 0 ? (size_t)job->threads : 1, started = 0;
    size_t cap = job->max_reach ? job->max_reach : 1;
    runner *rn = NULL;
    pthread_t *tid = NULL;
    ring q;

    if (job->n_sources == 0) return NG_OK;
    if (threads > job->n_sources) threads = job->n_sources;
    memset(&q, 0, sizeof q);
    q.job = job;
    q.n_slots = ring_size(job, threads, cap);
    rn = ng_calloc(threads, sizeof *rn);
    tid = ng_calloc(threads, sizeof *tid);
    if (!rn || !tid || (error = slots_new(&q.slots, q.n_slots, cap, job->sum_d != NULL)) < 0) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    for (size_t t = 0; t < threads; t++) {
        rn[t].q = &q;
        if ((error = worker_init(&rn[t].w, job)) < 0) goto cleanup;
    }
    pthread_mutex_init(&q.lock, NULL);
    pthread_cond_init(&q.freed, NULL);
    /* thread 0 is this one; fewer threads than asked when one cannot start (same numbers) */
    for (started = 1; started < threads; started++)
        if (pthread_create(&tid[started], NULL, run, &rn[started]) != 0) break;
    run(&rn[0]);
    for (size_t t = 1; t < started; t++) pthread_join(tid[t], NULL);
    pthread_cond_destroy(&q.freed);
    pthread_mutex_destroy(&q.lock);

cleanup:
    for (size_t t = 0; rn && t < threads; t++) worker_free(&rn[t].w);
    slots_free(q.slots, q.n_slots);
    free(rn);
    free(tid);
    return error;
}

/* ------------------------------------------------------------------ adjacency */

int ng_csr__from_ends(ng_csr *out, size_t n, const igraph_integer_t *ends, const double *w,
                      size_t m)
{
    size_t *fill = NULL;
    memset(out, 0, sizeof *out);
    out->n = n;
    out->off = ng_calloc(n + 1, sizeof *out->off);
    out->adj = ng_malloc((2 * m + 1) * sizeof *out->adj);
    out->len = ng_malloc((2 * m + 1) * sizeof *out->len);
    fill = ng_malloc((n + 1) * sizeof *fill);
    if (!out->off || !out->adj || !out->len || !fill) {
        free(fill);
        ng_csr__free(out);
        return NG_ENOMEM;
    }
    for (size_t e = 0; e < m; e++) {
        out->off[ends[2 * e] + 1]++;
        out->off[ends[2 * e + 1] + 1]++;
    }
    for (size_t v = 0; v < n; v++) out->off[v + 1] += out->off[v];
    memcpy(fill, out->off, (n + 1) * sizeof *fill);
    /* pairs sorted by (u, v), u < v: every node's neighbours come out ascending */
    for (size_t e = 0; e < m; e++) {
        uint32_t u = (uint32_t)ends[2 * e], v = (uint32_t)ends[2 * e + 1];
        double len = 1.0 / w[e];
        out->adj[fill[u]] = v;
        out->len[fill[u]++] = len;
        out->adj[fill[v]] = u;
        out->len[fill[v]++] = len;
    }
    free(fill);
    return NG_OK;
}

void ng_csr__free(ng_csr *g)
{
    free(g->off);
    free(g->adj);
    free(g->len);
    memset(g, 0, sizeof *g);
}
