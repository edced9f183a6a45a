/* igraph_read.c - reads a GraphML file with igraph's own reader and prints what it sees.
 *
 * usage: ng_igraph_read FILE.graphml
 * Output, one item per line (strings as JSON strings):
 *   vertices N / edges M / directed 0|1
 *   attr graph|vertex|edge NAME numeric|string|boolean
 *   g 0 NAME VALUE, v INDEX NAME VALUE and e INDEX NAME VALUE for every attribute value
 *   (graph attributes: only strings, the one kind newsgraph writes)
 * Exit 1 when igraph cannot read the file. tests/clients/igraph_compare.py checks the output
 * against the file. */
#include <igraph.h>
#include <stdio.h>
#include <string.h>

static void print_json_string(const char *s)
{
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            printf("\\%c", *p);
        else if (*p < 0x20)
            printf("\\u%04x", *p);
        else
            putchar(*p);
    }
    putchar('"');
}

static void print_value(const igraph_t *g, int vertex, igraph_integer_t i, const char *name,
                        igraph_attribute_type_t type)
{
    printf("%c %ld %s ", vertex ? 'v' : 'e', (long)i, name);
    if (type == IGRAPH_ATTRIBUTE_NUMERIC) {
        double d = vertex ? VAN(g, name, i) : EAN(g, name, i);
        if (d != d)
            printf("nan\n");
        else
            printf("%.17g\n", d);
    } else if (type == IGRAPH_ATTRIBUTE_BOOLEAN) {
        printf("%s\n", (vertex ? VAB(g, name, i) : EAB(g, name, i)) ? "true" : "false");
    } else {
        print_json_string(vertex ? VAS(g, name, i) : EAS(g, name, i));
        putchar('\n');
    }
}

static const char *type_name(igraph_attribute_type_t t)
{
    switch (t) {
    case IGRAPH_ATTRIBUTE_NUMERIC:
        return "numeric";
    case IGRAPH_ATTRIBUTE_BOOLEAN:
        return "boolean";
    case IGRAPH_ATTRIBUTE_STRING:
        return "string";
    default:
        return "other";
    }
}

int main(int argc, char **argv)
{
    igraph_t g;
    igraph_strvector_t gn, vn, en;
    igraph_vector_int_t gt, vt, et;
    FILE *f;

    if (argc != 2) {
        fprintf(stderr, "usage: ng_igraph_read FILE.graphml\n");
        return 2;
    }
    igraph_set_attribute_table(&igraph_cattribute_table);
    igraph_set_error_handler(igraph_error_handler_printignore);
    if (!(f = fopen(argv[1], "rb"))) {
        perror(argv[1]);
        return 1;
    }
    if (igraph_read_graph_graphml(&g, f, 0) != IGRAPH_SUCCESS) {
        fprintf(stderr, "igraph could not read %s\n", argv[1]);
        fclose(f);
        return 1;
    }
    fclose(f);
    igraph_strvector_init(&gn, 0);
    igraph_strvector_init(&vn, 0);
    igraph_strvector_init(&en, 0);
    igraph_vector_int_init(&gt, 0);
    igraph_vector_int_init(&vt, 0);
    igraph_vector_int_init(&et, 0);
    igraph_cattribute_list(&g, &gn, &gt, &vn, &vt, &en, &et);
    printf("vertices %ld\nedges %ld\ndirected %d\n", (long)igraph_vcount(&g),
           (long)igraph_ecount(&g), (int)igraph_is_directed(&g));
    for (igraph_integer_t k = 0; k < igraph_strvector_size(&gn); k++) {
        const char *name = igraph_strvector_get(&gn, k);
        igraph_attribute_type_t t = (igraph_attribute_type_t)VECTOR(gt)[k];
        printf("attr graph %s %s\n", name, type_name(t));
        if (t != IGRAPH_ATTRIBUTE_STRING) continue;
        printf("g 0 %s ", name);
        print_json_string(GAS(&g, name));
        putchar('\n');
    }
    for (igraph_integer_t k = 0; k < igraph_strvector_size(&vn); k++)
        printf("attr vertex %s %s\n", igraph_strvector_get(&vn, k),
               type_name((igraph_attribute_type_t)VECTOR(vt)[k]));
    for (igraph_integer_t k = 0; k < igraph_strvector_size(&en); k++)
        printf("attr edge %s %s\n", igraph_strvector_get(&en, k),
               type_name((igraph_attribute_type_t)VECTOR(et)[k]));
    for (igraph_integer_t i = 0; i < igraph_vcount(&g); i++)
        for (igraph_integer_t k = 0; k < igraph_strvector_size(&vn); k++)
            print_value(&g, 1, i, igraph_strvector_get(&vn, k),
                        (igraph_attribute_type_t)VECTOR(vt)[k]);
    for (igraph_integer_t i = 0; i < igraph_ecount(&g); i++) {
        igraph_integer_t from = IGRAPH_FROM(&g, i), to = IGRAPH_TO(&g, i);
        printf("endpoints %ld %ld %ld\n", (long)i, (long)from, (long)to);
        for (igraph_integer_t k = 0; k < igraph_strvector_size(&en); k++)
            print_value(&g, 0, i, igraph_strvector_get(&en, k),
                        (igraph_attribute_type_t)VECTOR(et)[k]);
    }
    igraph_strvector_destroy(&gn);
    igraph_strvector_destroy(&vn);
    igraph_strvector_destroy(&en);
    igraph_vector_int_destroy(&gt);
    igraph_vector_int_destroy(&vt);
    igraph_vector_int_destroy(&et);
    igraph_destroy(&g);
    return 0;
}
