/* style.c - how each actor type and relation looks, shared by GEXF (viz), DOT and JSON (a
 * relation's looks follow its row of the relation table: symmetric, hostile).
 *
 * Colours are Tableau 10 (distinct for the colour-blind as far as four hues allow); DOT fills
 * use the lighter tints of the same hues so that black labels stay readable. */
#include "export_internal.h"

static const ng_type_style styles[NG_ETYPE__COUNT] = {
    [NG_ETYPE_PERSON] = {0xF2, 0x8E, 0x2B, "#F28E2B", "#FFBE7D", "ellipse"},
    [NG_ETYPE_STATE] = {0x4E, 0x79, 0xA7, "#4E79A7", "#A0CBE8", "box"},
    [NG_ETYPE_ORG] = {0x59, 0xA1, 0x4F, "#59A14F", "#8CD17D", "hexagon"},
    [NG_ETYPE_PLACE] = {0x9D, 0x76, 0x60, "#9D7660", "#D7B5A6", "house"},
};

const ng_type_style *ng_export__type_style(ng_etype t)
{
    return &styles[(unsigned)t < NG_ETYPE__COUNT ? t : NG_ETYPE_PLACE];
}

uint64_t ng_export__declared_relations(const ng_graph *g)
{
    uint64_t used = ng_graph_relations_used(g), declared = 0;
    for (ng_rel r = 0; r < NG_REL_MAX; r++)
        if ((used >> r & 1u) && !ng_rel_builtin(r)) declared |= (uint64_t)1 << r;
    return declared;
}
