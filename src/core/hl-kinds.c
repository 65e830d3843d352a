/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-kinds.h"

/* Long-range and space launches matter most: rank 3 for ICBMs, 2 for
 * IRBMs and satellites, 1 for the rest of what the table knows. */
static const HlKind default_kinds[] = {
  { "ICBM",       N_("ballistic"), HL_SHAPE_TRIANGLE, 3 },
  { "IRBM",       N_("ballistic"), HL_SHAPE_TRIANGLE, 2 },
  { "MRBM",       N_("ballistic"), HL_SHAPE_TRIANGLE, 1 },
  { "SRBM",       N_("ballistic"), HL_SHAPE_TRIANGLE, 1 },
  { "SLBM",       N_("ballistic"), HL_SHAPE_TRIANGLE, 1 },
  { "ballistic",  N_("ballistic"), HL_SHAPE_TRIANGLE, 1 },
  { "hypersonic", N_("ballistic"), HL_SHAPE_TRIANGLE, 1 },
  { "cruise",     N_("cruise"),    HL_SHAPE_DIAMOND,  1 },
  { "satellite",  N_("satellite"), HL_SHAPE_CIRCLE,   2 },
};

/* What a kind nobody described gets: the plain marker, no legend entry. */
static const HlKind plain_kind = { NULL, NULL, HL_SHAPE_SQUARE, 0 };

static const char * const shape_names[HL_N_SHAPES] = {
  [HL_SHAPE_SQUARE] = "square",
  [HL_SHAPE_TRIANGLE] = "triangle",
  [HL_SHAPE_DIAMOND] = "diamond",
  [HL_SHAPE_CIRCLE] = "circle",
};

/* The lane's own entries first, then the default table; never NULL. */
const HlKind *
hl_kind_lookup (const HlKind *lane_kinds, guint n_lane_kinds, const char *kind)
{
  g_return_val_if_fail (lane_kinds != NULL || n_lane_kinds == 0, &plain_kind);

  if (kind == NULL)
    return &plain_kind;
  for (guint i = 0; i < n_lane_kinds; i++)
    if (g_ascii_strcasecmp (lane_kinds[i].name, kind) == 0)
      return &lane_kinds[i];
  for (guint i = 0; i < G_N_ELEMENTS (default_kinds); i++)
    if (g_ascii_strcasecmp (default_kinds[i].name, kind) == 0)
      return &default_kinds[i];
  return &plain_kind;
}

/* The legend's word for @kind, or NULL: the default table's words are
 * translated, a dataset's own are its text. */
const char *
hl_kind_get_label (const HlKind *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);

  if (kind->label == NULL)
    return NULL;
  if (kind >= default_kinds && kind < default_kinds + G_N_ELEMENTS (default_kinds))
    return _(kind->label);
  return kind->label;
}

gboolean
hl_shape_from_string (const char *name, HlShape *shape)
{
  g_return_val_if_fail (shape != NULL, FALSE);

  for (guint i = 0; name != NULL && i < HL_N_SHAPES; i++)
    if (g_strcmp0 (shape_names[i], name) == 0)
      {
        *shape = (HlShape) i;
        return TRUE;
      }
  return FALSE;
}

const char *
hl_shape_to_string (HlShape shape)
{
  g_return_val_if_fail (shape < HL_N_SHAPES, NULL);

  return shape_names[shape];
}
