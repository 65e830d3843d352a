/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How a count lane's event kind is drawn: data, not code. A default table
 * knows the usual missile and launch kinds (ICBM, SRBM, cruise, satellite,
 * ...); a lane may add to it or override it with its own "kinds" map in the
 * file (see data/README.md). */

typedef enum
{
  HL_SHAPE_SQUARE,      /* the plain marker: kinds nobody described */
  HL_SHAPE_TRIANGLE,
  HL_SHAPE_DIAMOND,
  HL_SHAPE_CIRCLE,
  HL_N_SHAPES
} HlShape;

typedef struct
{
  const char *name;     /* the kind as events name it; matched ignoring ASCII case */
  const char *label;    /* the legend's word for it ("ballistic"); NULL: no legend entry */
  HlShape     shape;
  int         rank;     /* 0..3: larger marks, labelled first */
} HlKind;

#define HL_KINDS_MAX_PER_LANE 64

const HlKind *hl_kind_lookup        (const HlKind *lane_kinds,
                                     guint         n_lane_kinds,
                                     const char   *kind);
const char   *hl_kind_get_label     (const HlKind *kind);
gboolean      hl_shape_from_string  (const char   *name,
                                     HlShape      *shape);
const char   *hl_shape_to_string    (HlShape       shape);

G_END_DECLS
