/* actors.c - the actors of one article: creation, keys, labels, aliases, and the final doc.
 *
 * Keys: "<type>:<folded canonical name>" (ng_text_fold); people use the transliteration
 * key of names.c, so spelling variants meet across articles. Government bodies compose with
 * their state: "<first demonym> <body name>" ("Russian Defense Ministry"), or the state's
 * name when it has no demonym; when the composed name is an organization of the dictionary
 * ("Israeli Armed Forces" -> "Israel Defense Forces"), that organization is the actor. */
#include "extract_internal.h"

#include <stdlib.h>
#include <string.h>

int ng_actors__new(ng_work *w, int32_t *out, ng_etype type, const char *label, const char *key)
{
    if (NG_ARRAY_GROW(w->actors, w->cap_actors, w->n_actors + 1) < 0) return NG_ENOMEM;
    ng_wactor *a = &w->actors[w->n_actors];
    memset(a, 0, sizeof *a);
    a->type = type;
    a->lex = a->body = a->body_state = a->title = a->affil = -1;
    /* one allocation: the key right after the label (freed with it) */
    size_t ll = strlen(label), kl = strlen(key);
    if (!(a->label = ng_malloc(ll + kl + 2))) return NG_ENOMEM;
    memcpy(a->label, label, ll + 1);
    a->key = a->label + ll + 1;
    memcpy(a->key, key, kl + 1);
    a->key_len = kl;
    *out = (int32_t)w->n_actors++;
    return NG_OK;
}

int ng_actors__get_lex(ng_work *w, int32_t *out, int32_t ent)
{
    int error;
    if (w->lex_actor[ent] >= 0) {
        *out = w->lex_actor[ent];
        return NG_OK;
    }
    /* two entities with one key (a user row overriding a built-in one) are one actor */
    const char *key = w->lex->ents[ent].key;
    size_t kl = strlen(key);
    for (size_t i = 0; i < w->n_actors; i++)
        if (w->actors[i].key_len == kl && memcmp(w->actors[i].key, key, kl) == 0) {
            w->lex_actor[ent] = (int32_t)i;
            w->lex_actor_other = 1;
            *out = (int32_t)i;
            return NG_OK;
        }
    if ((error = ng_actors__new(w, out, w->lex->ents[ent].type, w->lex->ents[ent].name,
                                w->lex->ents[ent].key)) < 0)
        return error;
    w->actors[*out].lex = ent;
    w->lex_actor[ent] = *out;
    return NG_OK;
}

/* The dictionary organization whose name or alias is exactly `name`, -1 if none. */
static int32_t org_named(const ng_work *w, const char *name)
{
    ng_buf fold = NG_BUF_INIT;
    ng_toks tk = {NULL, 0, 0, &fold};
    int32_t found = -1;
    if (ng_tok__run(&tk, &w->lex->abbrevs, name, 0, strlen(name)) == 0 && tk.n) {
        uint64_t h = NG_SEQ_SEED;
        for (size_t i = 0; i < tk.n; i++)
            h = ng_x__seq_hash(h, tk.v[i].h);
        const ng_ptab_slot *slot = ng_ptab__find(&w->lex->phrases, h);
        for (int32_t v = slot ? slot->first : -1; v >= 0; v = w->lex->phrases.vals[v].next) {
            const ng_ptab_val *pv = &w->lex->phrases.vals[v];
            if (pv->kind == NG_LX_NAME && w->lex->ents[pv->id].type == NG_ETYPE_ORG) {
                found = pv->id;
                break;
            }
        }
    }
    ng_toks__free(&tk);
    ng_buf_free(&fold);
    return found;
}

int ng_actors__get_body(ng_work *w, int32_t *out, int32_t body, int32_t state)
{
    int error;
    if (w->lex->bodies[body].is_state) return ng_actors__get_lex(w, out, state);
    for (size_t i = 0; i < w->n_actors; i++)
        if (w->actors[i].body == body && w->actors[i].body_state == state) {
            *out = (int32_t)i;
            return NG_OK;
        }
    const ng_lx_entity *st = &w->lex->ents[state];
    ng_buf label = NG_BUF_INIT, key = NG_BUF_INIT;
    ng_buf_puts(&label, st->demonym && *st->demonym ? st->demonym : st->name);
    ng_buf_putc(&label, ' ');
    ng_buf_puts(&label, w->lex->bodies[body].name);
    if (label.oom) {
        ng_buf_free(&label);
        return NG_ENOMEM;
    }
    int32_t org = org_named(w, label.ptr);
    if (org >= 0) {
        ng_buf_free(&label);
        if ((error = ng_actors__get_lex(w, out, org)) < 0) return error;
    } else {
        ng_buf_puts(&key, "organization:");
        ng_text_fold(&key, label.ptr, label.len);
        if (key.oom) {
            ng_buf_free(&label);
            ng_buf_free(&key);
            return NG_ENOMEM;
        }
        error = ng_actors__new(w, out, NG_ETYPE_ORG, label.ptr, key.ptr);
        ng_buf_free(&label);
        ng_buf_free(&key);
        if (error < 0) return error;
    }
    w->actors[*out].body = body;
    w->actors[*out].body_state = state;
    return NG_OK;
}

/* Do the texts [s, s + n) and z fold to one form? */
static int same_folded(const char *s, size_t n, const char *z)
{
    ng_buf a = NG_BUF_INIT, b = NG_BUF_INIT;
    ng_text_fold(&a, s, n);
    ng_text_fold(&b, z, strlen(z));
    int same = !a.oom && !b.oom && a.len == b.len && memcmp(a.ptr, b.ptr, a.len) == 0;
    int oom = a.oom || b.oom;
    ng_buf_free(&a);
    ng_buf_free(&b);
    return oom ? -1 : same;
}

/* A body written in lower case is a common noun phrase of one to three plain words
 * ("defence ministry", not "ministry of defence"): only then is its spelling a name. */
static int plain_lower_body(const ng_work *w, const ng_mention *m)
{
    if (m->n1 - m->n0 > 3) return 0;
    for (uint32_t t = m->n0; t < m->n1; t++)
        if (w->tk.v[t].len < 4 || (w->tk.v[t].flags & (NG_TK_CAP | NG_TK_PUNCT))) return 0;
    return 1;
}

/* Golds and readers name a ministry as the text does ("Ministry of External Affairs",
 * "German Foreign Office", "Ministry of Defence of the Republic of Latvia", "Cambodia's
 * defence ministry"), while the key composes demonym and canonical body ("Indian Foreign
 * Ministry", "Cambodian Defense Ministry") so that every spelling is one node. The text's
 * name: the body's name as written with what follows it in the mention ("of the Republic of
 * Latvia"), with the state word before it unless that is a possessive ("India's": the body's
 * own name is the proper name); kept when it differs from the canonical form (another body
 * name, or another state word: "Hellenic Parliament"). A body in lower case counts only in
 * its plain form, capitalized, after the demonym when no state word is written ("Cambodian
 * Defence Ministry"); one in capitals (a release's heading) not at all. */
int ng_actors__body_name(ng_work *w, int32_t a, const ng_mention *m)
{
    ng_wactor *wa = &w->actors[a];
    const ng_tok *v = w->tk.v;
    if (wa->body < 0 || wa->lex >= 0 || m->n1 <= m->n0 || (v[m->n0].flags & NG_TK_UPPER))
        return NG_OK;
    int lower = !(v[m->n0].flags & NG_TK_CAP);
    if (lower && !plain_lower_body(w, m)) return NG_OK;
    size_t o1 = v[m->n1 - 1].off + v[m->n1 - 1].len;
    int same_body = same_folded(w->text + v[m->n0].off, o1 - v[m->n0].off,
                                w->lex->bodies[wa->body].name);
    if (same_body < 0) return NG_ENOMEM;
    uint32_t t0 = m->n0;
    if (m->t0 < m->n0 && !(v[m->n0 - 1].flags & NG_TK_POSS) && (v[m->t0].flags & NG_TK_CAP))
        t0 = m->t0;
    else if (same_body && m->t1 == m->n1)
        return NG_OK;
    size_t s0 = v[t0].off, s1 = v[m->t1 - 1].off + v[m->t1 - 1].len;
    int same = same_folded(w->text + s0, s1 - s0, wa->label);
    if (same < 0) return NG_ENOMEM;
    uint32_t words = m->t1 - t0 + (lower && t0 == m->n0);
    if (same || words <= wa->tname_words) return NG_OK;
    wa->tname_off = (uint32_t)s0;
    wa->tname_len = (uint32_t)(s1 - s0);
    wa->tname_words = words;
    wa->tname_lower = (uint8_t)lower;
    wa->tname_dem = (uint8_t)(lower && t0 == m->n0);
    return NG_OK;
}

/* The label ng_actors__body_name chose for actor a, into out. */
static void body_text_label(ng_buf *out, const ng_work *w, const ng_wactor *a)
{
    if (a->tname_dem) {
        const ng_lx_entity *st = &w->lex->ents[a->body_state];
        ng_buf_puts(out, st->demonym && *st->demonym ? st->demonym : st->name);
        ng_buf_putc(out, ' ');
    }
    const char *s = w->text + a->tname_off;
    for (uint32_t i = 0; i < a->tname_len; i++) {
        int start = i == 0 || s[i - 1] == ' ';
        ng_buf_putc(out, a->tname_lower && start && s[i] >= 'a' && s[i] <= 'z'
                             ? (char)(s[i] - 'a' + 'A')
                             : s[i]);
    }
}

/* The key of a person named `label`: "person:" and the first and last word of the
 * transliteration key, so that "Bola Tinubu" and "Bola Ahmed Tinubu" meet across articles;
 * when another person of this article already has that short key (two people sharing first
 * and last names), the full name is the key. */
static int person_key(ng_buf *key, const ng_work *w, const char *label)
{
    ng_buf full = NG_BUF_INIT;
    ng_names__key_memo(&full, w->memo_names, w->lex, label, strlen(label));
    ng_buf_puts(key, "person:");
    const char *f = full.ptr ? full.ptr : "";
    const char *sp1 = strchr(f, ' '), *sp2 = strrchr(f, ' ');
    if (sp1 && sp2 && sp1 != sp2) {
        ng_buf_put(key, f, (size_t)(sp1 - f));
        ng_buf_puts(key, sp2);
        size_t kl = key->ptr ? strlen(key->ptr) : 0; /* as strcmp reads it: up to a NUL */
        for (size_t i = 0; i < w->n_actors; i++)
            if (key->ptr && w->actors[i].key_len == kl &&
                memcmp(w->actors[i].key, key->ptr, kl) == 0) {
                ng_buf_clear(key);
                ng_buf_puts(key, "person:");
                ng_buf_puts(key, f);
                break;
            }
    } else {
        ng_buf_puts(key, f);
    }
    ng_buf_free(&full);
    return key->oom ? NG_ENOMEM : NG_OK;
}

/* The label of a person named by the tokens [n0, n1): the text, except that a family name
 * written first in capitals ("KISHIDA Fumio", the style of Japanese and other official
 * texts) goes last in the usual case ("Fumio Kishida"), and an abbreviation that ends the
 * sentence keeps no period ("Jack Ma."). NULL when out of memory. */
static char *person_label(const ng_work *w, uint32_t n0, uint32_t n1)
{
    const ng_tok *f = &w->tk.v[n0], *l = &w->tk.v[n1 - 1];
    size_t a = f->off, e = l->off + l->len;
    /* initials in capitals (ng_w__initials: "KP Sharma Oli") are kept as written */
    if (ng_w__initials(w, n0)) return ng_strndup(w->text + a, e - a);
    int caps_family = n1 - n0 >= 2 && (f->flags & NG_TK_UPPER) && !(f->flags & NG_TK_DOT) &&
                      !(w->tk.v[n0 + 1].flags & NG_TK_UPPER) && !(l->flags & NG_TK_UPPER);
    if (caps_family && ((n1 - n0 == 3 && f->len > 2) ||
                        (n1 - n0 == 2 && (ng_w__bits(w, n0) & NG_W_EASTFAMILY)))) {
        /* "LEE Jae Myung", "CHO Hyun": a family name in capitals before a given name of two
         * words (Korean style), or a Korean, Chinese or Vietnamese family name (words class
         * eastfamily) before one, stays first, as news writes it ("Lee Jae Myung", "Cho
         * Hyun"); a Japanese one goes last (below) */
        char *s = ng_strndup(w->text + a, e - a);
        for (size_t i = 1; s && i < f->len; i++)
            if (s[i] >= 'A' && s[i] <= 'Z') s[i] = (char)(s[i] + 32);
        return s;
    }
    if (n1 - n0 == 2 && caps_family) {
        ng_buf b = NG_BUF_INIT;
        ng_buf_put(&b, w->text + l->off, l->len);
        ng_buf_putc(&b, ' ');
        for (size_t i = 0; i < f->len; i++) {
            char c = w->text[f->off + i];
            ng_buf_putc(&b, i > 0 && c >= 'A' && c <= 'Z' ? (char)(c + 32) : c);
        }
        if (b.oom) {
            ng_buf_free(&b);
            return NULL;
        }
        return b.ptr;
    }
    if ((l->flags & NG_TK_DOT) && l->len >= 3 && l->len < 32 && w->text[e - 1] == '.') {
        char tmp[32];
        int kind = 0;
        for (size_t i = 0; i + 1 < l->len; i++) {
            char c = w->text[l->off + i];
            tmp[i] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        }
        /* kind 1: an abbreviation that may end a sentence (abbreviations.csv "other") */
        if (ng_abbrevs__has(&w->lex->abbrevs, ng_x__tok_hash(tmp, l->len - 1), &kind) && kind == 1)
            e--;
    }
    return ng_strndup(w->text + a, e - a);
}

int ng_actors__person(ng_work *w, int32_t *out, int32_t p)
{
    ng_person *pe = &w->people[p];
    int error;
    if (pe->actor >= 0) {
        *out = pe->actor;
        return NG_OK;
    }
    const ng_mention *m = &w->ms[pe->name_m];
    if (m->lex >= 0 && w->lex->ents[m->lex].type == NG_ETYPE_PERSON) {
        if ((error = ng_actors__get_lex(w, out, m->lex)) < 0) return error;
    } else {
        char *label = person_label(w, m->n0, m->n1);
        ng_buf key = NG_BUF_INIT;
        if (!label) return NG_ENOMEM;
        if ((error = person_key(&key, w, label)) == NG_OK)
            error = ng_actors__new(w, out, NG_ETYPE_PERSON, label, key.ptr);
        free(label);
        ng_buf_free(&key);
        if (error < 0) return error;
    }
    w->actors[*out].partial = pe->partial;
    pe->actor = *out;
    return NG_OK;
}

int ng_actors__neworg(ng_work *w, int32_t *out, int32_t o)
{
    ng_neworg *no = &w->neworgs[o];
    int error;
    if (no->actor >= 0) {
        *out = no->actor;
        return NG_OK;
    }
    if (no->lex >= 0) {
        if ((error = ng_actors__get_lex(w, out, no->lex)) < 0) return error;
    } else {
        const ng_mention *m = &w->ms[no->name_m];
        size_t a = w->tk.v[m->t0].off, e = w->tk.v[m->t1 - 1].off + w->tk.v[m->t1 - 1].len;
        char *label = ng_strndup(w->text + a, e - a);
        ng_buf key = NG_BUF_INIT;
        if (!label) return NG_ENOMEM;
        ng_buf_puts(&key, "organization:");
        ng_text_fold(&key, label, strlen(label));
        if (key.oom) {
            free(label);
            ng_buf_free(&key);
            return NG_ENOMEM;
        }
        /* the same name in another form ("the Republican Guard") is one actor */
        *out = -1;
        size_t kl = strlen(key.ptr);
        for (size_t i = 0; i < w->n_actors; i++)
            if (w->actors[i].key_len == kl && memcmp(w->actors[i].key, key.ptr, kl) == 0)
                *out = (int32_t)i;
        error = *out >= 0 ? NG_OK : ng_actors__new(w, out, NG_ETYPE_ORG, label, key.ptr);
        free(label);
        ng_buf_free(&key);
        if (error < 0) return error;
        w->actors[*out].treaty |= no->treaty;
    }
    no->actor = *out;
    return NG_OK;
}

int ng_actors__alias(ng_work *w, int32_t a, const char *s, size_t n)
{
    ng_buf *al = &w->actors[a].aliases;
    /* trim */
    while (n && (*s == ' ')) {
        s++;
        n--;
    }
    while (n && s[n - 1] == ' ')
        n--;
    if (!n || n > 200) return NG_OK;
    /* already there? aliases are '\n'-separated */
    for (size_t i = 0; i < al->len;) {
        const char *nl = memchr(al->ptr + i, '\n', al->len - i);
        size_t e = nl ? (size_t)(nl - al->ptr) : al->len;
        if (e - i == n && memcmp(al->ptr + i, s, n) == 0) return NG_OK;
        i = e + 1;
    }
    if (al->len) ng_buf_putc(al, '\n');
    ng_buf_put(al, s, n);
    return al->oom ? NG_ENOMEM : NG_OK;
}

void ng_actors__clear(ng_work *w)
{
    for (size_t i = 0; i < w->n_actors; i++) {
        free(w->actors[i].label); /* and its key */
        ng_buf_free(&w->actors[i].aliases);
    }
    w->n_actors = 0;
}

void ng_actors__free(ng_work *w)
{
    ng_actors__clear(w);
    free(w->actors);
    w->actors = NULL;
    w->n_actors = w->cap_actors = 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted, unique, '|'-joined aliases (a '|' inside a form becomes '/'). */
static char *join_aliases(const ng_buf *al, ng_buf *room)
{
    size_t n = 0, o = 0;
    char *copy = NULL, *out = NULL;
    char **v = NULL, *small[16];
    /* written in room (borrowed: one buffer for every actor of the doc) */
    ng_buf_clear(room);
    if (ng_buf_grow(room, al->len + 1) < 0) return NULL;
    if (!al->len || !memchr(al->ptr, '\n', al->len)) {
        /* one form, the common case: nothing to sort */
        out = room->ptr;
        o = al->len ? strnlen(al->ptr, al->len) : 0; /* up to a NUL, as the form is read */
        if (o) memcpy(out, al->ptr, o);
        out[o] = '\0';
        for (char *p = memchr(out, '|', o); p; p = memchr(p + 1, '|', (size_t)(out + o - p - 1)))
            *p = '/';
        return out;
    }
    if (!(copy = ng_strndup(al->ptr, al->len))) return NULL;
    for (size_t i = 0; i < al->len; i++)
        if (copy[i] == '\n') n++;
    n++;
    /* the joined form is never longer than al: a '|' only where a '\n' was */
    v = n <= sizeof small / sizeof small[0] ? small : ng_malloc(n * sizeof *v);
    out = room->ptr;
    if (!v) {
        if (v != small) free(v);
        free(copy);
        return NULL;
    }
    n = 0;
    for (char *p = copy; p;) {
        char *e = strchr(p, '\n');
        if (e) *e = '\0';
        if (*p) v[n++] = p;
        p = e ? e + 1 : NULL;
    }
    if (n) qsort(v, n, sizeof *v, cmp_str);
    for (size_t i = 0; i < n; i++) {
        if (i && strcmp(v[i], v[i - 1]) == 0) continue;
        if (o) out[o++] = '|';
        for (const char *c = v[i]; *c; c++)
            out[o++] = *c == '|' ? '/' : *c;
    }
    out[o] = '\0';
    if (v != small) free(v);
    free(copy);
    return out;
}

/* 1 when relation x comes from the headline and the first sentence of the body says the same
 * (same relation between the same actors): a headline restating the lead is one mention. */
static int restates_lead(const ng_work *w, const ng_wrel *x, const int32_t *map)
{
    uint32_t lead = 0;
    if (!w->sents[x->sent].headline) return 0;
    while (lead < w->n_sents && w->sents[lead].headline)
        lead++;
    for (size_t r = 0; r < w->n_rels; r++) {
        const ng_wrel *y = &w->rels[r];
        if (y->sent != lead || y->rel != x->rel) continue;
        int same = map[y->src] == map[x->src] && map[y->dst] == map[x->dst];
        int swapped = map[y->src] == map[x->dst] && map[y->dst] == map[x->src];
        if (same || (swapped && ng_rel_symmetric(x->rel))) return 1;
    }
    return 0;
}

int ng_actors__to_doc(ng_work *w, ng_doc *doc)
{
    ng_buf room = NG_BUF_INIT;
    int32_t *map = NULL;
    int error = NG_OK;
    if (w->n_actors && !(map = ng_malloc(w->n_actors * sizeof *map))) return NG_ENOMEM;
    for (size_t i = 0; i < w->n_actors; i++) {
        ng_wactor *a = &w->actors[i];
        map[i] = -1;
        if (!a->emit || !a->mentions) continue;
        ng_actor out;
        uint32_t idx;
        memset(&out, 0, sizeof out);
        out.key = a->key;
        out.label = a->label;
        out.type = a->type;
        out.mentions = a->mentions;
        out.partial = a->partial;
        if (ng_actors__alias(w, (int32_t)i, a->label, strlen(a->label)) < 0) {
            error = NG_ENOMEM;
            goto cleanup;
        }
        /* a body's own name in the text is its label (ng_actors__body_name) */
        ng_buf tname = NG_BUF_INIT;
        if (a->tname_len) {
            body_text_label(&tname, w, a);
            if (tname.oom || ng_actors__alias(w, (int32_t)i, tname.ptr, tname.len) < 0) {
                ng_buf_free(&tname);
                error = NG_ENOMEM;
                goto cleanup;
            }
            out.label = tname.ptr;
        }
        if (!(out.aliases = join_aliases(&a->aliases, &room))) {
            ng_buf_free(&tname);
            error = NG_ENOMEM;
            goto cleanup;
        }
        /* copied into the doc's pool (the work frees its own) */
        error = ng_doc_add_actor(doc, &out, &idx);
        ng_buf_free(&tname);
        if (error < 0) goto cleanup;
        map[i] = (int32_t)idx;
    }
    for (size_t r = 0; r < w->n_rels; r++) {
        const ng_wrel *x = &w->rels[r];
        if (map[x->src] < 0 || map[x->dst] < 0 || map[x->src] == map[x->dst]) continue;
        if (restates_lead(w, x, map)) continue;
        const ng_wsent *se = &w->sents[x->sent];
        ng_relation rel;
        memset(&rel, 0, sizeof rel);
        rel.source = (uint32_t)map[x->src];
        rel.target = (uint32_t)map[x->dst];
        rel.rel = x->rel;
        rel.offset = se->off;
        memcpy(rel.date, x->date, sizeof rel.date);
        if ((error = ng_doc_add_relation_text(doc, &rel, w->text + se->off, se->len)) < 0)
            goto cleanup;
    }
cleanup:
    ng_buf_free(&room);
    free(map);
    return error;
}
