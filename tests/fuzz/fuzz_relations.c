/* fuzz_relations.c - the bytes after the first as a --relations file: read from a file
 * (ng_rel_declare_file, what the command line does) when bit 0 of the first byte is 1, else
 * as an in-memory document (ng_rel_declare_csv, what a GraphML's `relations` attribute goes
 * through), with NG_REL_SAME_OK when bit 1 is set. The user rows are forgotten after each
 * input (ng_rel__reset_user), so every input starts from the built-in table.
 * Invariants: no crash or leak; a refusal is NG_EINVAL (NG_EIO: a file that cannot be read)
 * with a one-line message naming the file, and leaves the table as it was (all rows or none);
 * every row taken is valid (its name, actor types and description as the README says) and
 * found by name; the definitions written back (ng_rel_write_csv, as a graph file stores them)
 * declare again with NG_REL_SAME_OK as the same rows, adding none, and are refused without. */
#include "fuzz_util.h"
#include "relations_internal.h"

static size_t builtins;

static int valid_name(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > NG_REL_NAME_MAX || s[0] < 'a' || s[0] > 'z') return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
            return 0;
    return 1;
}

static void check_row(ng_rel r)
{
    const ng_rel_def *d = ng_rel_get(r);
    ng_rel found;
    unsigned all = (1u << NG_ETYPE__COUNT) - 1;
    FUZZ_CHECK(d && !d->builtin && valid_name(d->name));
    FUZZ_CHECK(ng_rel_parse(&found, d->name) == NG_OK && found == r);
    FUZZ_CHECK(d->subjects && !(d->subjects & ~all) && d->objects && !(d->objects & ~all));
    FUZZ_CHECK(strlen(d->description) <= NG_REL_DESC_MAX);
    for (const unsigned char *p = (const unsigned char *)d->description; *p; p++)
        FUZZ_CHECK(*p >= 0x20 && *p != 0x7F);
}

/* The rows [before, after) written as a graph file stores them read back as the same. */
static void check_round_trip(size_t before, size_t after)
{
    uint64_t which = 0;
    ng_buf b = NG_BUF_INIT;
    for (size_t r = before; r < after; r++)
        which |= (uint64_t)1 << r;
    FUZZ_CHECK(ng_rel_write_csv(&b, which) == NG_OK);
    FUZZ_CHECK(ng_rel_declare_csv("again.graphml", b.ptr, b.len, NG_REL_SAME_OK) == NG_OK);
    FUZZ_CHECK(ng_rel_count() == after);
    if (after > before) {
        FUZZ_CHECK(ng_rel_declare_csv("again.csv", b.ptr, b.len, 0) == NG_EINVAL);
        FUZZ_CHECK(strstr(ng_error_last(), "again.csv:2: relation '") != NULL);
        FUZZ_CHECK(ng_rel_count() == after);
    }
    ng_buf_clear(&b);
    FUZZ_CHECK(ng_rel_join(&b, 0, which, " or ") == after); /* built-in and new ones */
    ng_buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;
    if (!builtins) builtins = ng_rel_count();
    FUZZ_CHECK(ng_rel_count() == builtins);
    const char *origin = "graph.graphml (its relation types)";
    int rc;
    ng_error_clear();
    if (data[0] & 1) {
        origin = fuzz_write_file("user.csv", data + 1, size - 1);
        rc = ng_rel_declare_file(origin);
    } else {
        rc = ng_rel_declare_csv(origin, (const char *)data + 1, size - 1,
                                data[0] & 2 ? NG_REL_SAME_OK : 0);
    }
    size_t after = ng_rel_count();
    if (rc < 0) {
        FUZZ_CHECK(rc == NG_EINVAL || rc == NG_EIO);
        FUZZ_CHECK(after == builtins);
        FUZZ_CHECK(strstr(ng_error_last(), origin) == ng_error_last());
        FUZZ_CHECK(!strchr(ng_error_last(), '\n') && !strchr(ng_error_last(), '\r'));
    } else {
        FUZZ_CHECK(rc == NG_OK && after >= builtins && after <= NG_REL_MAX);
        for (size_t r = builtins; r < after; r++)
            check_row((ng_rel)r);
        check_round_trip(builtins, after);
    }
    ng_rel__reset_user();
    FUZZ_CHECK(ng_rel_count() == builtins);
    return 0;
}
