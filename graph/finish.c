/* finish.c - ng_graph_finish: corpus-level actor resolution and the final node and edge merge.
 *
 * Resolution (order-independent: it looks only at the set of actor entries):
 *   a person entry seen only as a surname in its article ("partial", key "person:<surname>")
 *   joins the unique person whose key is a longer name ending with that surname, word for
 *   word ("person:ada lovelace" for "person:lovelace"); when no full name ends with it, the
 *   unique person with that word elsewhere in the name ("person:xi jinping" for
 *   "person:xi"). With no such person, or several, it joins the entry of the same key seen
 *   as a full name if there is one, else stays a node of its own. A full name whose first
 *   word is an initial ("person:s jaishankar") joins the unique full name with the same last
 *   word and a first name starting with that letter. A full name of two words whose words in
 *   the other order are another full name ("person:kishida fumio", "person:fumio kishida")
 *   joins it. Two spellings of one family name under one long given name ("Abdourahamane
 *   Tiani", "Abdourahamane Tchiani") join (spelling_variants). A full name whose words are the
 *   first words of the longer full names of exactly one person ("Abdulla Yameen", "Abdulla
 *   Yameen Abdul Gayoom") joins it, unless a longer one has "Jr", "Sr" or a Roman numeral
 *   (longer_names). Any other entry is its own node.
 * Nodes then sum mentions and unite labels and aliases; edges whose ends fell together are
 * merged (or dropped when both ends are now one node).
 */
#include "graph_internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ resolution */

typedef struct {
    const char *word; /* last word of a full person name (points into its key) */
    size_t len;
    uint32_t entry;
} surname_ref;

static int cmp_surname(const void *a, const void *b)
{
    const surname_ref *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->word, y->word, n);
    if (c) return c;
    if (x->len != y->len) return x->len < y->len ? -1 : 1;
    return x->entry < y->entry ? -1 : x->entry > y->entry;
}

static const char *name_of(const char *key)
{
    const char *colon = strchr(key, ':');
    return colon ? colon + 1 : key;
}

static const char *last_word(const char *name)
{
    const char *sp = strrchr(name, ' ');
    return sp ? sp + 1 : name;
}

/* The full-name entry with the same key as entry i, or i itself. */
static uint32_t same_key_full(const ng_graph *g, uint32_t i)
{
    uint32_t idx;
    return ng_graph__find_actor(g, g->actors[i].key, 0, &idx) ? idx : i;
}

/* The first ref whose word is `word` (refs sorted by cmp_surname). */
static size_t first_ref(const surname_ref *refs, size_t n_refs, const char *word, size_t len)
{
    surname_ref probe = {word, len, 0};
    size_t lo = 0, hi = n_refs;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cmp_surname(&refs[mid], &probe) < 0) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

static int ref_is(const surname_ref *r, const char *word, size_t len)
{
    return r->len == len && memcmp(r->word, word, len) == 0;
}

/* "Kishida Fumio" in one article, "Fumio Kishida" in another (a family name written first,
 * as Japanese, Korean and Hungarian sources do): a full name of two words whose words in the
 * other order are another full name's is one person with it, joined to the entry whose key
 * sorts first (order-independent). */
static void reversed_names(const ng_graph *g, const surname_ref *refs, size_t n_refs,
                           uint32_t *rep)
{
    for (uint32_t i = 0; i < g->n_actors; i++) {
        const ng_agg_actor *a = &g->actors[i];
        if (a->type != NG_ETYPE_PERSON || a->partial || rep[i] != i) continue;
        const char *name = name_of(a->key), *sp = strchr(name, ' ');
        if (!sp || strchr(sp + 1, ' ')) continue;
        size_t fl = (size_t)(sp - name), ll = strlen(sp + 1);
        /* the other order ends with this name's first word */
        for (size_t r = first_ref(refs, n_refs, name, fl); r < n_refs && ref_is(&refs[r], name, fl); r++) {
            uint32_t j = refs[r].entry;
            const char *cand = name_of(g->actors[j].key);
            if (j == i || rep[j] != j || strlen(cand) != fl + 1 + ll ||
                strncmp(cand, sp + 1, ll) != 0 || cand[ll] != ' ')
                continue;
            if (strcmp(g->actors[j].key, a->key) < 0) rep[i] = j;
            break;
        }
    }
}

/* ------------------------------------------------------------------ spelling variants */

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c | 0x20 : c; }

/* Is `a` (in the text's letters) a spelling of `b` with one or two letters more or fewer,
 * none changed ("Tiani" and "Tchiani", "Gelleh" and "Guelleh"): the shorter, of four letters
 * or more, is a subsequence of the longer, with the same first letter and the same last
 * three. A changed letter is another name ("Salman", "Sultan"). ASCII case is ignored. */
static int letters_added(const char *a, size_t na, const char *b, size_t nb)
{
    if (na > nb) return letters_added(b, nb, a, na);
    if (na < 4 || nb - na < 1 || nb - na > 2) return 0;
    if (lower((unsigned char)a[0]) != lower((unsigned char)b[0])) return 0;
    for (size_t k = 1; k <= 3; k++)
        if (lower((unsigned char)a[na - k]) != lower((unsigned char)b[nb - k])) return 0;
    size_t i = 0;
    for (size_t j = 0; j < nb && i < na; j++)
        if (lower((unsigned char)a[i]) == lower((unsigned char)b[j])) i++;
    return i == na;
}

/* The last word of a label, with its length. */
static const char *label_last(const char *label, size_t *len)
{
    const char *w = last_word(label);
    *len = strlen(w);
    return w;
}

typedef struct {
    uint32_t owner;
    const char *label;
} owned_label;

static int cmp_owned(const void *a, const void *b)
{
    const owned_label *x = a, *y = b;
    if (x->owner != y->owner) return x->owner < y->owner ? -1 : 1;
    return strcmp(x->label, y->label);
}

/* The first of the labels (sorted by owner) owned by entry i. */
static size_t first_owned(const owned_label *lab, size_t n_lab, uint32_t i)
{
    size_t lo = 0, hi = n_lab;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (lab[mid].owner < i) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* Do some label of entry i and some label of entry j end with two spellings of one family
 * name? */
static int labels_vary(const owned_label *lab, size_t n_lab, uint32_t i, uint32_t j)
{
    size_t y0 = first_owned(lab, n_lab, j);
    for (size_t x = first_owned(lab, n_lab, i); x < n_lab && lab[x].owner == i; x++) {
        size_t nx, ny;
        const char *wx = label_last(lab[x].label, &nx);
        for (size_t y = y0; y < n_lab && lab[y].owner == j; y++) {
            const char *wy = label_last(lab[y].label, &ny);
            if (letters_added(wx, nx, wy, ny)) return 1;
        }
    }
    return 0;
}

/* The one entry of given[s..e) other than k whose labels vary from k's, or UINT32_MAX (none
 * or several). */
static uint32_t only_variant(const surname_ref *given, size_t s, size_t e, size_t k,
                             const owned_label *lab, size_t n_lab)
{
    uint32_t found = UINT32_MAX;
    for (size_t o = s; o < e; o++) {
        if (o == k || !labels_vary(lab, n_lab, given[k].entry, given[o].entry)) continue;
        if (found != UINT32_MAX) return UINT32_MAX;
        found = given[o].entry;
    }
    return found;
}

/* given[]: full person names that are their own node, keyed by every word but the last. */
static size_t given_names(const ng_graph *g, const uint32_t *rep, surname_ref *given)
{
    size_t n = 0;
    for (uint32_t i = 0; i < g->n_actors; i++) {
        const ng_agg_actor *a = &g->actors[i];
        if (a->type != NG_ETYPE_PERSON || a->partial || rep[i] != i) continue;
        const char *name = name_of(a->key), *w = last_word(name);
        size_t letters = 0;
        for (const char *p = name; p + 1 < w; p++) letters += *p != ' ';
        /* a long given name is rare enough to stand for one person with its family name */
        if (letters < 8) continue;
        given[n++] = (surname_ref){name, (size_t)(w - 1 - name), i};
    }
    if (n > 1) qsort(given, n, sizeof *given, cmp_surname);
    return n;
}

/* End of the group of given[] that starts at s: the same words but the last. */
static size_t group_end(const surname_ref *given, size_t n, size_t s)
{
    size_t e = s + 1;
    while (e < n && given[e].len == given[s].len &&
           memcmp(given[e].word, given[s].word, given[s].len) == 0)
        e++;
    return e;
}

/* The labels of the entries in groups of 2 to 16 names, sorted by owner; *out NULL when none. */
static int group_labels(const ng_graph *g, const surname_ref *given, size_t n_given,
                        owned_label **out, size_t *n_out)
{
    unsigned char *cand = NULL;
    size_t n = 0;
    *out = NULL;
    *n_out = 0;
    if (!(cand = ng_calloc(g->n_actors, 1))) return NG_ENOMEM;
    for (size_t s = 0, e; s < n_given; s = e) {
        e = group_end(given, n_given, s);
        for (size_t k = s; e - s >= 2 && e - s <= 16 && k < e; k++) cand[given[k].entry] = 1;
    }
    for (size_t i = 0; i < g->labels.n; i++) n += cand[g->labels.v[i].owner];
    if (n && !(*out = ng_malloc(n * sizeof **out))) { free(cand); return NG_ENOMEM; }
    for (size_t i = 0; i < g->labels.n; i++) {
        if (cand[g->labels.v[i].owner])
            (*out)[(*n_out)++] = (owned_label){g->labels.v[i].owner, g->labels.v[i].label};
    }
    if (*n_out > 1) qsort(*out, *n_out, sizeof **out, cmp_owned);
    free(cand);
    return NG_OK;
}

/* "Abdourahamane Tiani" in one article, "Abdourahamane Tchiani" in another: two full person
 * names whose keys agree on every word but the last (8 letters or more) and whose last words
 * in the text are two spellings of one name (letters_added), each the other's only such
 * variant, are one person, joined to the entry whose key sorts first (order-independent).
 * A given name shared by more than 16 names is passed over: no pair there is sure. */
static int spelling_variants(ng_graph *g, uint32_t *rep)
{
    surname_ref *given = NULL;
    owned_label *lab = NULL;
    size_t n_given, n_lab = 0;
    int error = NG_OK;
    if (!g->n_actors) return NG_OK;
    if (!(given = ng_malloc(g->n_actors * sizeof *given))) return NG_ENOMEM;
    n_given = given_names(g, rep, given);
    if ((error = group_labels(g, given, n_given, &lab, &n_lab)) < 0) goto cleanup;
    for (size_t s = 0, e; s < n_given; s = e) {
        e = group_end(given, n_given, s);
        for (size_t k = s; e - s >= 2 && e - s <= 16 && k < e; k++) {
            uint32_t i = given[k].entry, j = only_variant(given, s, e, k, lab, n_lab);
            if (j == UINT32_MAX || strcmp(g->actors[j].key, g->actors[i].key) > 0) continue;
            /* j sorts first: i joins it when j's only variant is i too */
            for (size_t o = s; o < e; o++) {
                if (given[o].entry == j && only_variant(given, s, e, o, lab, n_lab) == i)
                    rep[i] = j;
            }
        }
    }
cleanup:
    free(given);
    free(lab);
    return error;
}

/* ------------------------------------------------------------------ longer names */

/* The end of entry i's chain of joins so far. */
static uint32_t root_of(const uint32_t *rep, uint32_t i)
{
    while (rep[i] != i) i = rep[i];
    return i;
}

/* A generational word ("jr", "sr", a Roman numeral: "ii", "iv"): the longer name is then
 * another man of the family, a son or a father ("Martin Luther King Jr"). */
static int generational(const char *w, size_t len)
{
    if (len == 2 && (memcmp(w, "jr", 2) == 0 || memcmp(w, "sr", 2) == 0)) return 1;
    if (len > 4) return 0;
    for (size_t k = 0; k < len; k++)
        if (w[k] != 'i' && w[k] != 'v' && w[k] != 'x') return 0;
    return 1;
}

/* Are the words from `from` on free of a generational word (ASCII case ignored)? */
static int no_generation(const char *from)
{
    while (*from) {
        const char *e = strchr(from, ' ');
        size_t len = e ? (size_t)(e - from) : strlen(from);
        char low[4] = {0};
        for (size_t k = 0; k < len && k < 4; k++)
            low[k] = (char)lower((unsigned char)from[k]);
        if (len <= 4 && generational(low, len)) return 0;
        from += len + (e != NULL);
    }
    return 1;
}

/* strcmp with ASCII case ignored */
static int cmp_nocase(const char *x, const char *y)
{
    while (*x && lower((unsigned char)*x) == lower((unsigned char)*y)) x++, y++;
    return lower((unsigned char)*x) - lower((unsigned char)*y);
}

static int cmp_owned_nocase(const void *a, const void *b)
{
    const owned_label *x = a, *y = b;
    int c = cmp_nocase(x->label, y->label);
    if (c) return c;
    c = strcmp(x->label, y->label);
    return c ? c : (x->owner < y->owner ? -1 : x->owner > y->owner);
}

/* lab[k]'s label against "<name> " (the name, then a space), case ignored: <0, 0 (it starts
 * so), >0. */
static int cmp_prefix(const owned_label *lab, size_t k, const char *name, size_t len)
{
    const char *c = lab[k].label;
    for (size_t i = 0; i < len; i++) {
        int d = lower((unsigned char)c[i]) - lower((unsigned char)name[i]);
        if (d || !c[i]) return d;
    }
    return (unsigned char)c[len] - ' ';
}

/* The one node (root) other than `self` of the longer labels that start with the words of
 * lab[k], or UINT32_MAX (none, several, or a son or father among them). */
static uint32_t only_longer(const owned_label *lab, size_t n, size_t k, uint32_t self,
                            const uint32_t *rep)
{
    const char *name = lab[k].label;
    size_t len = strlen(name), lo = k + 1, hi = n;
    uint32_t found = UINT32_MAX;
    while (lo < hi) { /* the first label at or after "<name> " */
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_prefix(lab, mid, name, len) < 0) lo = mid + 1;
        else hi = mid;
    }
    for (size_t o = lo; o < n && cmp_prefix(lab, o, name, len) == 0; o++) {
        uint32_t r = root_of(rep, lab[o].owner);
        if (!no_generation(lab[o].label + len + 1)) return UINT32_MAX;
        if (r == self) continue; /* its own longer label */
        if (found != UINT32_MAX && r != found) return UINT32_MAX;
        found = r;
    }
    return found;
}

/* The labels of two words or more of full person names, sorted by cmp_owned_nocase. */
static int person_labels(const ng_graph *g, owned_label **out, size_t *n_out)
{
    size_t n = 0;
    *n_out = 0;
    *out = NULL;
    if (!g->labels.n) return NG_OK;
    if (!(*out = ng_malloc(g->labels.n * sizeof **out))) return NG_ENOMEM;
    for (size_t i = 0; i < g->labels.n; i++) {
        const ng_label_count *l = &g->labels.v[i];
        const ng_agg_actor *a = &g->actors[l->owner];
        if (a->type != NG_ETYPE_PERSON || a->partial || !strchr(l->label, ' ')) continue;
        (*out)[n++] = (owned_label){l->owner, l->label};
    }
    if (n > 1) qsort(*out, n, sizeof **out, cmp_owned_nocase);
    *n_out = n;
    return NG_OK;
}

/* "Abdulla Yameen" in one article, "Abdulla Yameen Abdul Gayoom" in another (keys of the
 * first and last word differ): a full person name whose words are the first words of the
 * longer full names of exactly one other person is that person. "George Bush" is not the
 * first words of "George W Bush"; a longer name with "Jr", "Sr" or "II" is another man of
 * the family, and then nothing joins. Labels are taken longest first in sorted order, so "A
 * B C" has joined "A B C D" before "A B" looks at both (order-independent). */
static int longer_names(const ng_graph *g, uint32_t *rep)
{
    owned_label *lab = NULL;
    size_t n = 0;
    int error = person_labels(g, &lab, &n);
    if (error < 0) return error;
    for (size_t k = n; k-- > 0;) {
        uint32_t i = lab[k].owner, j;
        if (rep[i] != i || (j = only_longer(lab, n, k, i, rep)) == UINT32_MAX) continue;
        rep[i] = j;
    }
    free(lab);
    return NG_OK;
}

/* rep[] made flat: each entry points to the end of its chain of joins. */
static void flatten(uint32_t *rep, size_t n)
{
    for (size_t i = 0; i < n; i++)
        rep[i] = root_of(rep, (uint32_t)i);
}

/* rep[i] = the entry whose node entry i joins (rep[rep[i]] == rep[i]). */
static int resolve(ng_graph *g, uint32_t *rep)
{
    surname_ref *refs = NULL, *inner = NULL;
    size_t n_refs = 0, n_inner = 0, n_words = 0;
    int error = NG_OK;
    for (uint32_t i = 0; i < g->n_actors; i++) {
        const char *name = name_of(g->actors[i].key);
        for (const char *p = name; *p; p++) n_words += *p == ' ';
    }
    if (g->n_actors && !(refs = ng_malloc(g->n_actors * sizeof *refs))) return NG_ENOMEM;
    if (n_words && !(inner = ng_malloc(n_words * sizeof *inner))) { free(refs); return NG_ENOMEM; }

    /* refs: the last word of every full person name; inner: its other words */
    for (uint32_t i = 0; i < g->n_actors; i++) {
        const ng_agg_actor *a = &g->actors[i];
        rep[i] = i;
        const char *name = name_of(a->key);
        if (a->partial || a->type != NG_ETYPE_PERSON || !strchr(name, ' ')) continue;
        const char *w = last_word(name);
        refs[n_refs].word = w;
        refs[n_refs].len = strlen(w);
        refs[n_refs].entry = i;
        n_refs++;
        for (const char *p = name; p < w - 1;) {
            const char *e = strchr(p, ' ');
            inner[n_inner].word = p;
            inner[n_inner].len = (size_t)(e - p);
            inner[n_inner].entry = i;
            n_inner++;
            p = e + 1;
        }
    }
    if (n_refs > 1) qsort(refs, n_refs, sizeof *refs, cmp_surname);
    if (n_inner > 1) qsort(inner, n_inner, sizeof *inner, cmp_surname);

    /* initials first: their full names are then the candidates of surnames */
    for (uint32_t i = 0; i < g->n_actors; i++) {
        const ng_agg_actor *a = &g->actors[i];
        uint32_t found = UINT32_MAX;
        size_t n_found = 0;
        if (a->type != NG_ETYPE_PERSON || a->partial) continue;
        const char *name = name_of(a->key);
        {
            /* an initial for a first name ("S Jaishankar"): the unique full name with the
             * same last word whose first name starts with that letter */
            const char *sp = strchr(name, ' ');
            if (!sp || sp - name != 1 || strchr(sp + 1, ' ')) continue;
            const char *w = last_word(name);
            size_t wl = strlen(w);
            for (size_t r = first_ref(refs, n_refs, w, wl); r < n_refs && ref_is(&refs[r], w, wl); r++) {
                const char *cand = name_of(g->actors[refs[r].entry].key);
                const char *csp = strchr(cand, ' ');
                if (refs[r].entry == i || !csp || csp - cand < 2 || cand[0] != name[0]) continue;
                found = refs[r].entry;
                n_found++;
            }
            if (n_found == 1) rep[i] = found;
        }
    }
    reversed_names(g, refs, n_refs, rep);
    if ((error = spelling_variants(g, rep)) < 0) goto cleanup;
    if ((error = longer_names(g, rep)) < 0) goto cleanup;
    flatten(rep, g->n_actors);
    for (uint32_t i = 0; i < g->n_actors; i++) {
        const ng_agg_actor *a = &g->actors[i];
        uint32_t found = UINT32_MAX;
        size_t n_found = 0;
        if (a->type != NG_ETYPE_PERSON || !a->partial) continue;
        const char *name = name_of(a->key);
        size_t slen = strlen(name);
        const char *lw = last_word(name);
        size_t lwl = strlen(lw);
        for (size_t r = first_ref(refs, n_refs, lw, lwl); r < n_refs && ref_is(&refs[r], lw, lwl); r++) {
            const char *cand = name_of(g->actors[refs[r].entry].key);
            size_t clen = strlen(cand);
            /* the candidate must end with " <surname>", word for word */
            if (clen > slen + 1 && cand[clen - slen - 1] == ' ' && strcmp(cand + clen - slen, name) == 0) {
                /* candidates count as people: "S Jaishankar" already stands for
                 * "Subrahmanyam Jaishankar" */
                if (n_found == 0) { found = rep[refs[r].entry]; n_found = 1; }
                else if (rep[refs[r].entry] != found) n_found = 2;
            }
        }
        if (n_found == 0 && !strchr(name, ' ')) {
            /* no full name ends with it: another word of a unique full name ("Xi" of "Xi
             * Jinping", a surname written first) */
            for (size_t r = first_ref(inner, n_inner, name, slen); r < n_inner && ref_is(&inner[r], name, slen); r++) {
                if (n_found == 0) { found = rep[inner[r].entry]; n_found = 1; }
                else if (rep[inner[r].entry] != found) n_found = 2;
            }
        }
        rep[i] = n_found == 1 ? found : same_key_full(g, i);
    }
cleanup:
    free(refs);
    free(inner);
    return error;
}

/* ------------------------------------------------------------------ nodes */

static size_t word_count(const char *s)
{
    size_t n = 0;
    int in_word = 0;
    for (; *s; s++) {
        int space = *s == ' ' || *s == '\t';
        if (!space && !in_word) n++;
        in_word = !space;
    }
    return n;
}

/* Words that are an initial ("S", "S.") */
static size_t initials(const char *s)
{
    size_t n = 0;
    while (*s) {
        while (*s == ' ') s++;
        const char *e = s;
        while (*e && *e != ' ') e++;
        if (e - s == 1 || (e - s == 2 && s[1] == '.')) n++;
        s = e;
    }
    return n;
}

/* The fullest form: most words, then fewer initials ("Subrahmanyam Jaishankar" over "S
 * Jaishankar"), then most docs, then byte order. 1 when `l` beats `best`. */
static int better_label(const ng_label_count *l, size_t words, const ng_label_count *best,
                        size_t best_words)
{
    if (!best) return 1;
    if (words != best_words) return words > best_words;
    size_t il = initials(l->label), ib = initials(best->label);
    if (il != ib) return il < ib;
    if (l->count != best->count) return l->count > best->count;
    return strcmp(l->label, best->label) < 0;
}

/* Folds entry `from` into the node aggregate `into` (aliases, mentions, articles); `from`'s
 * sample is emptied. */
static int gather(ng_agg_actor *into, ng_agg_actor *from, uint32_t cap)
{
    into->mentions += from->mentions;
    int error = ng_sample__absorb(&into->sample, &from->sample, cap);
    return error < 0 ? error : ng_strset__add_all(&into->aliases, &from->aliases);
}

/* Every label of the node's entries, counted per node; the best one becomes the label. */
static int choose_labels(ng_graph *g, const uint32_t *rep, const uint32_t *node_of,
                         ng_agg_actor *node_aggs, ng_pending_node *pn, size_t n_nodes)
{
    int error = NG_OK;
    ng_label_table per_node = {0};
    size_t *words = NULL;
    const ng_label_count **best = NULL;
    if (n_nodes == 0) return NG_OK;
    if (!(words = ng_calloc(n_nodes, sizeof *words)) || !(best = ng_calloc(n_nodes, sizeof *best))) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i < g->labels.n; i++) {
        const ng_label_count *l = &g->labels.v[i];
        uint32_t k = node_of[rep[l->owner]];
        if ((error = ng_label_table__add(&per_node, k, l->label, l->count)) < 0) goto cleanup;
        if ((error = ng_strset__add(&node_aggs[k].aliases, l->label)) < 0) goto cleanup;
    }
    for (size_t i = 0; i < per_node.n; i++) {
        const ng_label_count *l = &per_node.v[i];
        size_t w = word_count(l->label);
        if (better_label(l, w, best[l->owner], words[l->owner])) {
            best[l->owner] = l;
            words[l->owner] = w;
        }
    }
    for (size_t k = 0; k < n_nodes; k++) pn[k].label = best[k] ? best[k]->label : "";
cleanup:
    free(words);
    free(best);
    ng_label_table__free(&per_node);
    return error;
}

/* ------------------------------------------------------------------ edges */

typedef struct {
    uint32_t u, v;
    ng_rel rel;
    uint32_t agg;
} edge_ref;

static int cmp_edge_ref(const void *a, const void *b)
{
    const edge_ref *x = a, *y = b;
    if (x->u != y->u) return x->u < y->u ? -1 : 1;
    if (x->rel != y->rel) return x->rel < y->rel ? -1 : 1;
    if (x->v != y->v) return x->v < y->v ? -1 : 1;
    return x->agg < y->agg ? -1 : x->agg > y->agg;
}

/* Sorts refs[0..n) by cmp_edge_ref: by radix on (u, rel, v) packed in one key when it fits
 * - refs are made in agg order, which the stable sort keeps - else by qsort. */
static int sort_refs(edge_ref *refs, size_t n, size_t n_nodes)
{
    unsigned nb = ng_sort__bits(n_nodes), rb = ng_sort__bits(ng_rel_count());
    ng_sort_pair *pairs = NULL;
    edge_ref *sorted = NULL;
    int error = NG_OK;
    if (n < 2) return NG_OK;
    if (2 * nb + rb > 64 || n >= UINT32_MAX) {
        qsort(refs, n, sizeof *refs, cmp_edge_ref);
        return NG_OK;
    }
    if (!(pairs = ng_malloc(n * sizeof *pairs)) || !(sorted = ng_malloc(n * sizeof *sorted))) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) {
        pairs[i].key = (uint64_t)refs[i].u << (nb + rb) | (uint64_t)refs[i].rel << nb | refs[i].v;
        pairs[i].idx = (uint32_t)i;
    }
    if ((error = ng_sort__pairs(pairs, n)) < 0) goto cleanup;
    for (size_t i = 0; i < n; i++) sorted[i] = refs[pairs[i].idx];
    memcpy(refs, sorted, n * sizeof *refs);
cleanup:
    free(pairs);
    free(sorted);
    return error;
}

static void set_date(char dst[11], const char *src)
{
    memset(dst, 0, 11);
    if (src) memcpy(dst, src, strnlen(src, 10));
}

/* The finished graph holds `x` (once per article), so its sources and items can point to
 * x's own id, title and URL: the edges are made on several threads and the nodes point to
 * the same strings, and no second copy of them is made (issue 16.4: with many articles per
 * edge, nearly every kept article is a different one). Released by ng_graph_free. */
static int keep_src(ng_graph *g, ng_src *x)
{
    if (x->kept) return NG_OK;
    if (NG_ARRAY_GROW(g->kept, g->cap_kept, g->n_kept + 1) < 0) return NG_ENOMEM;
    g->kept[g->n_kept++] = x;
    x->refs++;
    x->kept = 1;
    return NG_OK;
}

/* keep_src for every article an edge keeps (its sample and its evidence). */
static int keep_edge_srcs(ng_graph *g, const ng_agg_edge *e)
{
    int error;
    for (uint32_t i = 0; i < e->sample.n; i++)
        if ((error = keep_src(g, e->sample.v[i])) < 0) return error;
    for (uint32_t i = 0; i < e->n_items; i++)
        if ((error = keep_src(g, e->items[i].src)) < 0) return error;
    return NG_OK;
}

/* The sample `s` as the finished graph's sources (into `out`), and their ids joined with '|'
 * in sample order (the titles and URLs are joined when written: ng_edge_source_list); `b` is
 * the caller's scratch buffer, reused from one sample to the next. */
static int make_sources(ng_arena *arena, const ng_sample *s, ng_source *out, const char **ids,
                        ng_buf *b)
{
    ng_buf_clear(b);
    for (uint32_t i = 0; i < s->n; i++) {
        const ng_src *x = s->v[i];
        out[i].id = x->id; /* held by the graph (keep_src) */
        out[i].title = x->title ? x->title : "";
        out[i].url = x->url ? x->url : "";
        memcpy(out[i].date, x->date, sizeof out[i].date);
        if (i) ng_buf_putc(b, '|');
        ng_buf_puts(b, x->id);
    }
    if (b->oom) return NG_ENOMEM;
    return (*ids = ng_arena__strndup(arena, b->ptr ? b->ptr : "", b->len)) ? NG_OK : NG_ENOMEM;
}

static uint32_t clamp32(uint64_t v) { return v > UINT32_MAX ? UINT32_MAX : (uint32_t)v; }

/* Edges are made on several threads: each job its own strings and buffers. */
typedef struct edge_job {
    ng_graph *g;
    const edge_ref *refs;
    ng_pending_edge *pe;
    ng_source *srcs;    /* the first sampled article of edge `from` */
    size_t from, to;
    ng_arena arena;
    ng_buf text;        /* one item's sentence, or its sources' ids */
    ng_buf blocks;      /* the items of edges batch_from.. (each pe->items_at: its place here) */
    size_t batch_from;
    pthread_mutex_t *lock; /* the turn to reserve a range of g->item_spill */
    int error;
} edge_job;

/* The job's items of edges batch_from..to written to g->item_spill: a range of the file
 * reserved under the lock, written out of it (the other thread goes on meanwhile: the writes
 * were the lock's holder's, a wait for the other), the edges' places moved by its start. */
#define EDGE_BATCH_BYTES ((size_t)1 << 20)
static int write_batch(edge_job *j, size_t to)
{
    uint64_t at = 0;
    int error = NG_OK;
    if (j->blocks.oom) return NG_ENOMEM;
    if (j->blocks.len) {
        pthread_mutex_lock(j->lock);
        error = ng_spill__reserve(&j->g->item_spill, j->blocks.len, &at);
        pthread_mutex_unlock(j->lock);
        if (error >= 0) error = ng_spill__write_at(&j->g->item_spill, j->blocks.ptr,
                                                   j->blocks.len, at);
        for (size_t i = j->batch_from; i < to && error >= 0; i++)
            if (j->pe[i].n_items) j->pe[i].items_at += at;
    }
    ng_buf_clear(&j->blocks);
    j->batch_from = to;
    return error;
}

/* The items of `e` as one block of the job's batch (their texts read from g->ev_spill). */
static int edge_items(edge_job *j, const ng_agg_edge *e, ng_pending_edge *pe)
{
    int error;
    ng_graph *g = j->g;
    size_t start = j->blocks.len;
    pe->n_items = e->n_items;
    if (!e->n_items) return NG_OK;
    for (uint32_t i = 0; i < e->n_items; i++) {
        const ng_ev *x = &e->items[i];
        const char *text = x->sentence; /* the first item's; the others' are in the file */
        if (!text) {
            ng_buf_clear(&j->text);
            if (ng_buf_grow(&j->text, x->sentence_len + 1) < 0) return NG_ENOMEM;
            if ((error = ng_spill__get(&g->ev_spill, x->at, x->sentence_len, j->text.ptr)) < 0)
                return error;
            text = j->text.ptr;
        }
        ng_items__encode(&j->blocks, x->offset, x->date, x->src->id, x->src->title,
                         x->src->url, text, x->sentence_len);
    }
    if (j->blocks.oom) return NG_ENOMEM;
    pe->items_len = (uint32_t)(j->blocks.len - start);
    pe->items_at = start; /* in the batch; write_batch adds the batch's place in the file */
    return NG_OK;
}

/* Turns a merged aggregate into a pending edge (strings into the job's arena, items into
 * the spill file, its sample into `srcs`). */
static int make_edge(edge_job *j, ng_agg_edge *e, ng_pending_edge *pe, ng_source *srcs)
{
    int error;
    char *s;
    ng_arena *out = &j->arena;
    pe->rel = e->rel;
    pe->weight = clamp32(e->weight);
    pe->articles = clamp32(e->sample.count);
    pe->srcs = srcs;
    pe->n_srcs = e->sample.n;
    if ((error = make_sources(out, &e->sample, srcs, &pe->sources, &j->text)) < 0) return error;
    ng_strset__compact(&e->dates);
    if ((error = ng_strset__join(&s, &e->dates, out)) < 0) return error;
    pe->dates = s;
    set_date(pe->first_date, e->dates.n ? e->dates.v[0] : "");
    set_date(pe->last_date, e->dates.n ? e->dates.v[e->dates.n - 1] : "");
    /* the best sentence is adopted, not copied: a copy was fresh memory (the aggregates'
     * small blocks freed meanwhile do not make the arena's chunks), some 30 MB at 50 MB */
    if (e->best.sentence) {
        if ((error = ng_arena__adopt(out, e->best.sentence)) < 0) return error;
        s = e->best.sentence;
        e->best.sentence = NULL;
    } else if (!(s = ng_arena__strdup(out, ""))) {
        return NG_ENOMEM;
    }
    pe->evidence = s;
    return edge_items(j, e, pe);
}

static void *edge_job_run(void *arg)
{
    edge_job *j = arg;
    ng_source *srcs = j->srcs;
    for (size_t i = j->from; i < j->to && j->error >= 0; i++) {
        j->pe[i].u = j->refs[i].u;
        j->pe[i].v = j->refs[i].v;
        ng_agg_edge *e = &j->g->aggs[j->refs[i].agg];
        if ((j->error = make_edge(j, e, &j->pe[i], srcs)) >= 0)
            ng_agg_edge__clear(e); /* its memory serves the next edges' strings */
        if (srcs) srcs += j->pe[i].n_srcs; /* NULL when no article is kept (--sources 0) */
        if (j->error >= 0 && j->blocks.len >= EDGE_BATCH_BYTES) j->error = write_batch(j, i + 1);
    }
    if (j->error >= 0) j->error = write_batch(j, j->to);
    return NULL;
}

/* pe[i] for every merged edge refs[i], on up to g->threads threads: the edges are cut into
 * runs of about equal size; each thread writes its own strings (into an arena spliced into
 * g->out afterwards) and its own range of srcs, so the result is the same for any count (the
 * items' blocks land in the spill file in any order: only their places are kept). */
static int make_edges(ng_graph *g, const edge_ref *refs, size_t n_edges, ng_pending_edge *pe,
                      ng_source *srcs)
{
    edge_job jobs[NG_THREADS_MAX];
    pthread_t tids[NG_THREADS_MAX];
    pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    size_t n_jobs = g->threads > 1 ? (size_t)g->threads : 1, started = 0, k = 0, src = 0;
    int error;
    if (n_jobs > NG_THREADS_MAX) n_jobs = NG_THREADS_MAX;
    if (n_jobs > n_edges / 1024 + 1) n_jobs = n_edges / 1024 + 1; /* small graphs: one */
    if ((error = ng_spill__flush(&g->ev_spill)) < 0) return error; /* read by every thread */
    memset(jobs, 0, sizeof jobs);
    for (size_t j = 0; j < n_jobs; j++) {
        jobs[j].g = g;
        jobs[j].refs = refs;
        jobs[j].pe = pe;
        jobs[j].lock = &lock;
        jobs[j].from = jobs[j].batch_from = n_edges * j / n_jobs;
        jobs[j].to = n_edges * (j + 1) / n_jobs;
        for (; k < jobs[j].from; k++) src += g->aggs[refs[k].agg].sample.n;
        jobs[j].srcs = srcs ? srcs + src : NULL; /* NULL in an empty graph: NULL + 0 is UB */
    }
    for (size_t j = 1; j < n_jobs; j++) {
        if (pthread_create(&tids[j], NULL, edge_job_run, &jobs[j]) != 0) break;
        started = j;
    }
    edge_job_run(&jobs[0]);
    for (size_t j = started + 1; j < n_jobs; j++) edge_job_run(&jobs[j]); /* not started */
    for (size_t j = 1; j <= started; j++) pthread_join(tids[j], NULL);
    for (size_t j = 0; j < n_jobs; j++) {
        if (jobs[j].error < 0 && error >= 0) error = jobs[j].error;
        int spliced = ng_arena__splice(&g->out, &jobs[j].arena);
        if (spliced < 0 && error >= 0) error = spliced;
        ng_arena__free(&jobs[j].arena); /* what could not be spliced (out of memory) */
        ng_buf_free(&jobs[j].blocks);
        ng_buf_free(&jobs[j].text);
    }
    if (error >= 0) error = ng_spill__flush(&g->item_spill); /* read by any thread after */
    if (error == NG_ENOMEM) ng_error_set("out of memory (making the edges of the graph)");
    return error;
}

/* ------------------------------------------------------------------ finish */

void ng_graph_set_filter(ng_graph *g, uint64_t relations, int drop_isolated)
{
    g->keep_rels = relations;
    g->drop_isolated = drop_isolated;
}

/* Keeps the nodes that some edge of refs[0, n_edges) touches, in their order, and renumbers
 * the edges' ends (--drop-isolated). pn keeps its first *n_nodes entries. */
static int drop_isolated(ng_pending_node *pn, size_t *n_nodes, edge_ref *refs, size_t n_edges)
{
    size_t n = *n_nodes, kept = 0;
    uint32_t *map = n ? ng_malloc(n * sizeof *map) : NULL;
    if (n && !map) return NG_ENOMEM;
    for (size_t k = 0; k < n; k++) map[k] = UINT32_MAX;
    for (size_t i = 0; i < n_edges; i++) map[refs[i].u] = map[refs[i].v] = 0;
    for (size_t k = 0; k < n; k++) {
        if (map[k] == UINT32_MAX) continue;
        map[k] = (uint32_t)kept;
        pn[kept++] = pn[k];
    }
    for (size_t i = 0; i < n_edges; i++) {
        refs[i].u = map[refs[i].u];
        refs[i].v = map[refs[i].v];
    }
    *n_nodes = kept;
    free(map);
    return NG_OK;
}

/* The fields of each pending node that come from its aggregate: aliases, ISO code, counts. */
static int fill_nodes(ng_graph *g, ng_agg_actor *node_aggs, ng_pending_node *pn, size_t n_nodes)
{
    int error;
    for (size_t k = 0; k < n_nodes; k++) {
        ng_agg_actor *a = &node_aggs[k];
        char *aliases;
        ng_strset__compact(&a->aliases);
        if ((error = ng_strset__join(&aliases, &a->aliases, &g->out)) < 0) return error;
        pn[k].key = a->key;
        pn[k].want_id = NULL;
        pn[k].type = a->type;
        pn[k].mentions = clamp32(a->mentions);
        pn[k].aliases = aliases;
        pn[k].code = a->type == NG_ETYPE_STATE ? ng_state_code(a->key) : "";
        pn[k].articles = clamp32(a->sample.count);
    }
    return NG_OK;
}

/* The edges between nodes, sorted, each merged with the aggregates resolution made the same
 * (source, relation, target); refs gets them, *n_srcs counts the articles they keep. */
static int collect_edges(ng_graph *g, const uint32_t *rep, const uint32_t *node_of, size_t n_nodes,
                         edge_ref *refs, size_t *n_edges_out, size_t *n_srcs_out)
{
    int error;
    size_t n_refs = 0, n_edges = 0, n_srcs = *n_srcs_out;
    for (size_t i = 0; i < g->n_aggs; i++) {
        const ng_agg_edge *e = &g->aggs[i];
        edge_ref r = {node_of[rep[e->a]], node_of[rep[e->b]], e->rel, (uint32_t)i};
        if (r.u == r.v) continue; /* resolution made it a self-loop */
        if (g->keep_rels && !(g->keep_rels >> e->rel & 1u)) continue; /* ng_graph_set_filter */
        if (ng_rel_symmetric(r.rel) && r.u > r.v) {
            uint32_t t = r.u;
            r.u = r.v;
            r.v = t;
        }
        refs[n_refs++] = r;
    }
    if ((error = sort_refs(refs, n_refs, n_nodes)) < 0) return error;
    for (size_t i = 0; i < n_refs;) {
        size_t j = i + 1;
        while (j < n_refs && refs[j].u == refs[i].u && refs[j].rel == refs[i].rel &&
               refs[j].v == refs[i].v) {
            if ((error = ng_agg_edge__absorb(&g->aggs[refs[i].agg], &g->ev_spill,
                                             &g->aggs[refs[j].agg], &g->ev_spill,
                                             g->n_sources)) < 0) {
                return error;
            }
            j++;
        }
        refs[n_edges++] = refs[i];
        n_srcs += g->aggs[refs[i].agg].sample.n;
        i = j;
    }
    *n_edges_out = n_edges;
    *n_srcs_out = n_srcs;
    return NG_OK;
}

/* Each node's kept articles (into g->node_srcs), held by the graph and joined (pn[k] pairs
 * with node_aggs[k]: before drop_isolated compacts pn). */
static int node_sources(ng_graph *g, ng_agg_actor *node_aggs, ng_pending_node *pn, size_t n_nodes)
{
    int error = NG_OK;
    size_t n_srcs = 0;
    ng_buf ids = NG_BUF_INIT;
    for (size_t k = 0; k < n_nodes && error >= 0; k++) {
        ng_source *at = g->node_srcs ? g->node_srcs + n_srcs : NULL; /* NULL + 0 is UB */
        pn[k].srcs = at;
        pn[k].n_srcs = node_aggs[k].sample.n;
        for (uint32_t i = 0; i < node_aggs[k].sample.n && error >= 0; i++)
            error = keep_src(g, node_aggs[k].sample.v[i]);
        if (error < 0 ||
            (error = make_sources(&g->out, &node_aggs[k].sample, at, &pn[k].sources, &ids)) < 0)
            break;
        n_srcs += pn[k].n_srcs;
        /* released now, so that its memory serves what follows: the graph holds the
         * articles it cites (keep_src) */
        ng_sample__clear(&node_aggs[k].sample);
    }
    ng_buf_free(&ids);
    return error;
}

/* The nodes' part of the finish (choose_labels, fill_nodes, node_sources): it reads and
 * writes nothing that collecting the edges does (the nodes' aggregates and pending nodes,
 * g->labels, g->out, g->node_srcs, g->kept; the edges' aggregates and g->ev_spill; the
 * articles' counts of holders are atomic), so with -j2 it runs on a second thread meanwhile
 * instead of before it, all serial steps of the finish. */
typedef struct node_job {
    ng_graph *g;
    const uint32_t *rep, *node_of;
    ng_agg_actor *node_aggs;
    ng_pending_node *pn;
    size_t n_nodes;
    int error;
    char message[NG_ERROR_MAX]; /* the thread's error message */
} node_job;

static void *node_job_run(void *arg)
{
    node_job *j = arg;
    ng_error_clear();
    j->error = choose_labels(j->g, j->rep, j->node_of, j->node_aggs, j->pn, j->n_nodes);
    if (j->error >= 0) j->error = fill_nodes(j->g, j->node_aggs, j->pn, j->n_nodes);
    if (j->error >= 0) j->error = node_sources(j->g, j->node_aggs, j->pn, j->n_nodes);
    if (j->error < 0) snprintf(j->message, sizeof j->message, "%s", ng_error_last());
    return NULL;
}

/* node_job_run and collect_edges, on two threads when the graph may use them. */
static int nodes_and_edges(node_job *nj, edge_ref *refs, size_t *n_edges, size_t *n_srcs)
{
    pthread_t tid;
    ng_graph *g = nj->g;
    int error;
    if (g->threads <= 1 || pthread_create(&tid, NULL, node_job_run, nj) != 0) {
        node_job_run(nj);
        if (nj->error < 0) return nj->error;
        return collect_edges(g, nj->rep, nj->node_of, nj->n_nodes, refs, n_edges, n_srcs);
    }
    error = collect_edges(g, nj->rep, nj->node_of, nj->n_nodes, refs, n_edges, n_srcs);
    pthread_join(tid, NULL);
    if (error < 0) return error;
    if (nj->error < 0) {
        if (nj->message[0]) ng_error_set("%s", nj->message);
        else ng_error_set("out of memory (the nodes of the graph)");
    }
    return nj->error;
}

static void *free_aggregation_run(void *arg)
{
    ng_graph__free_aggregation(arg);
    return NULL;
}

/* ng_graph__assemble, with the aggregates freed first (one thread: the graph is then
 * assembled in the memory they held) or, with more threads, on a second thread meanwhile:
 * nothing assembling reads them (the edges' were freed as their edges were made; the nodes
 * and edges point into g->pool and g->out), and freeing them was a serial step of -j2. */
static int assemble_freeing(ng_graph *g, const ng_pending_node *pn, size_t n_nodes,
                            const ng_pending_edge *pe, size_t n_edges)
{
    pthread_t tid;
    if (g->threads <= 1 || pthread_create(&tid, NULL, free_aggregation_run, g) != 0) {
        ng_graph__free_aggregation(g);
        return ng_graph__assemble(g, pn, n_nodes, pe, n_edges);
    }
    int error = ng_graph__assemble(g, pn, n_nodes, pe, n_edges);
    pthread_join(tid, NULL);
    return error;
}

int ng_graph_finish(ng_graph *g)
{
    int error = NG_OK;
    uint32_t *rep = NULL, *node_of = NULL;
    ng_agg_actor *node_aggs = NULL;
    ng_pending_node *pn = NULL;
    ng_pending_edge *pe = NULL;
    edge_ref *refs = NULL;
    size_t n_nodes = 0, n_kept = 0, n_edges = 0, n_srcs = 0;

    if (g->finished) {
        ng_error_set("internal: ng_graph_finish called twice");
        return NG_EINVAL;
    }
    g->finished = 1;
    size_t n = g->n_actors;
    if (n && (!(rep = ng_malloc(n * sizeof *rep)) || !(node_of = ng_malloc(n * sizeof *node_of)))) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    if ((error = resolve(g, rep)) < 0) goto cleanup;

    /* one node per representative entry */
    for (size_t i = 0; i < n; i++) node_of[i] = rep[i] == i ? (uint32_t)n_nodes++ : UINT32_MAX;
    if (n_nodes && (!(node_aggs = ng_calloc(n_nodes, sizeof *node_aggs)) ||
                    !(pn = ng_calloc(n_nodes, sizeof *pn)))) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) {
        uint32_t k = node_of[rep[i]];
        if (rep[i] == i) {
            node_aggs[k].key = g->actors[i].key;
            node_aggs[k].type = g->actors[i].type;
        }
        if ((error = gather(&node_aggs[k], &g->actors[i], g->n_sources)) < 0) goto cleanup;
    }
    n_kept = n_nodes;
    for (size_t k = 0; k < n_nodes; k++) n_srcs += node_aggs[k].sample.n;
    if (n_srcs && !(g->node_srcs = ng_calloc(n_srcs, sizeof *g->node_srcs))) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    n_srcs = 0; /* from here on, the edges' */

    /* the nodes' labels and fields, and the edges between nodes, merged when resolution made
     * two aggregates one */
    if (g->n_aggs && !(refs = ng_malloc(g->n_aggs * sizeof *refs))) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    node_job nj = {g, rep, node_of, node_aggs, pn, n_nodes, NG_OK, ""};
    if ((error = nodes_and_edges(&nj, refs, &n_edges, &n_srcs)) < 0) goto cleanup;
    if (n_srcs && !(g->srcs = ng_calloc(n_srcs, sizeof *g->srcs))) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    /* after node_sources, which pairs pn[k] with node_aggs[k]: this compacts pn */
    if (g->drop_isolated && (error = drop_isolated(pn, &n_kept, refs, n_edges)) < 0) goto cleanup;
    if (n_edges && !(pe = ng_calloc(n_edges, sizeof *pe))) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i < n_edges; i++)
        if ((error = keep_edge_srcs(g, &g->aggs[refs[i].agg])) < 0) goto cleanup;
    if ((error = make_edges(g, refs, n_edges, pe, g->srcs)) < 0) goto cleanup;
    error = assemble_freeing(g, pn, n_kept, pe, n_edges);

cleanup:
    if (node_aggs) {
        for (size_t k = 0; k < n_nodes; k++) ng_agg_actor__clear(&node_aggs[k]);
    }
    free(node_aggs);
    free(pn);
    free(pe);
    free(refs);
    free(rep);
    free(node_of);
    ng_graph__free_aggregation(g); /* after a failure */
    return error;
}
