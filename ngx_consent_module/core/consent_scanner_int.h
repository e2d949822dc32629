#ifndef CONSENT_SCANNER_INT_H
#define CONSENT_SCANNER_INT_H

/*
 * Shared by the tokenizer (consent_scanner.c) and the tree builder model
 * (consent_scanner_tree.c): what the model knows of a tag name, and its
 * entry points.
 */

#include "consent_scanner.h"

/* consent_tag_name_t.tree, consent_scanner_t.tag_tree */
#define T_BREAKOUT  0x0001    /* a start tag that leaves svg/math */
#define T_FONT      0x0002    /* breaks out with color, face or size */
#define T_SVG_POINT 0x0004    /* svg: HTML integration point */
#define T_MATH_TEXT 0x0008    /* math: text integration point */
#define T_ANNOT     0x0010    /* math annotation-xml */
#define T_MGLYPH    0x0020    /* stays foreign in a text integration point */
#define T_VOID      0x0040    /* HTML: never opens an element in a body */
#define T_SPECIAL   0x0080    /* HTML: the "special" category */
#define T_SCOPE     0x0100    /* HTML: bounds the default scope */
#define T_CLOSES_P  0x0200    /* HTML: its start tag closes an open p */
#define T_LIST      0x0400    /* ol, ul: bound the list item scope */
#define T_BUTTON    0x0800    /* bounds the button scope */
#define T_LI        0x1000
#define T_DD        0x2000    /* dd, dt */
#define T_END       0x4000    /* end tag reported in untracked HTML content */

/* consent_scanner_t.watch: a tag whose attributes the model reads */
#define W_FONT   1
#define W_ANNOT  2

/*
 * A start tag ended (tree = 1): the model follows it and sets tag.ns,
 * tag.foreign.  Returns 1 when the tag is an HTML element, whose name may
 * switch the tokenizer to a raw text state.
 */
int consent_scanner_tree_start(consent_scanner_t *sc);

/* An end tag ended (tree = 1). */
void consent_scanner_tree_end(consent_scanner_t *sc);

/* Whether "<![CDATA[" starts a CDATA section here (foreign content). */
int consent_scanner_cdata_allowed(const consent_scanner_t *sc);

/* The T_* bits of a lowercase name (0 for names not in the table). */
unsigned consent_scanner_name_tree(const char *name);

#endif /* CONSENT_SCANNER_INT_H */
