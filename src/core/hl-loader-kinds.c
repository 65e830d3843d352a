/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A lane's own "kinds" map: how the kinds its events name are drawn,
 * {"ICBM": {"shape": "triangle", "label": "ballistic", "rank": 3}, ...},
 * looked up before the default table (hl-kinds.c). */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "hl-loader-private.h"

/* A legend word, not a sentence. */
#define MAX_KIND_LABEL  64
/* How much of a kind's name a message quotes, in bytes. */
#define MAX_NAME_SHOWN  64
#define MIN_KIND_RANK   0
#define MAX_KIND_RANK   3
/* What a kind the map describes without a "rank" gets: the rank of most
 * of the default table's kinds. */
#define DEFAULT_KIND_RANK 1

/* "rank": optional, a whole number from MIN_KIND_RANK to MAX_KIND_RANK. */
static gboolean
read_rank (HlLoader *l, JsonObject *obj, int *rank)
{
  JsonNode *node = json_object_get_member (obj, "rank");
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double v;

  *rank = DEFAULT_KIND_RANK;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!hl_loader_node_is_number (node))
    {
      hl_loader_problem (l, _("field “rank”: expected a whole number, got %s"),
                         hl_loader_describe_node (node));
      return FALSE;
    }
  v = json_node_get_double (node);
  if (!isfinite (v))
    hl_loader_problem (l, _("field “rank”: the number is too large to represent"));
  else if (v != floor (v))
    hl_loader_problem (l, _("field “rank”: must be a whole number (got %s)"),
                       hl_loader_format_number (buf, v));
  else if (v < MIN_KIND_RANK || v > MAX_KIND_RANK)
    hl_loader_problem (l, _("field “rank”: %s is out of range (%d to %d)"),
                       hl_loader_format_number (buf, v), MIN_KIND_RANK, MAX_KIND_RANK);
  else
    {
      *rank = (int) v;
      return TRUE;
    }
  return FALSE;
}

/* One entry of the map, {"shape": ..., "label": ..., "rank": ...}. */
static gboolean
read_kind (HlLoader *l, const char *name, JsonNode *node, HlKind *kind)
{
  JsonObject *obj;
  const char *shape;
  gboolean ok;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      hl_loader_problem (l, _("expected an object with “shape”, got %s"),
                         hl_loader_describe_node (node));
      return FALSE;
    }
  obj = json_node_get_object (node);
  shape = hl_loader_read_string (l, obj, "shape", TRUE, HL_LOADER_MAX_TITLE, FALSE);
  ok = shape != NULL;
  if (shape != NULL && !hl_shape_from_string (shape, &kind->shape))
    {
      g_autofree char *shown = hl_loader_shorten (shape, MAX_NAME_SHOWN);

      hl_loader_problem (l, _("field “shape”: “%s” is not one of “triangle”, "
                              "“diamond”, “circle”, “square”"), shown);
      ok = FALSE;
    }
  /* Without a label the kind's name is its legend word; "" leaves it out
   * of the legend. */
  node = json_object_get_member (obj, "label");
  kind->label = name;
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      kind->label = hl_loader_read_string (l, obj, "label", FALSE, MAX_KIND_LABEL, FALSE);
      ok &= kind->label != NULL;
      if (kind->label != NULL && kind->label[0] == '\0')
        kind->label = NULL;
    }
  ok &= read_rank (l, obj, &kind->rank);
  kind->name = name;
  return ok;
}

/* A name the map may hold: not empty, not longer than an event's "kind"
 * can be, and not the same as an earlier one ignoring ASCII case (events
 * are matched that way, so the second could never be used). */
static gboolean
check_kind_name (HlLoader *l, const char *name, const HlKind *kinds, guint n)
{
  gsize len = strlen (name);

  if (len == 0)
    {
      hl_loader_problem (l, _("field “kinds”: a kind name must not be empty"));
      return FALSE;
    }
  if (len > HL_LOADER_MAX_TITLE)
    {
      hl_loader_problem (l, _("field “kinds”: a kind name is too long (%zu bytes, "
                              "at most %d)"), len, HL_LOADER_MAX_TITLE);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    if (kinds[i].name != NULL && g_ascii_strcasecmp (kinds[i].name, name) == 0)
      {
        g_autofree char *shown = hl_loader_shorten (name, MAX_NAME_SHOWN);
        g_autofree char *first = hl_loader_shorten (kinds[i].name, MAX_NAME_SHOWN);

        hl_loader_problem (l, _("field “kinds”: “%s” names the same kind as “%s” "
                                "(kind names are compared ignoring case)"), shown, first);
        return FALSE;
      }
  return TRUE;
}

/* Reads the entries of @map into @kinds (room for all of them). Returns
 * how many were read, or -1 if any was wrong. */
static int
read_kind_entries (HlLoader *l, JsonObject *map, HlKind *kinds)
{
  g_autofree char *outer = g_strdup (l->where);
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;
  gboolean ok = TRUE;
  guint n = 0;

  g_assert (outer != NULL);   /* the lane: "lanes[N] (id …)" */
  json_object_iter_init_ordered (&iter, map);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      g_autofree char *shown = hl_loader_shorten (member, MAX_NAME_SHOWN);
      const char *name;

      if (!check_kind_name (l, member, kinds, n))
        {
          ok = FALSE;
          continue;
        }
      name = g_string_chunk_insert_const (l->dataset->strings, member);
      hl_loader_set_where (l, "%s: field “kinds”: “%s”", outer, shown);
      ok &= read_kind (l, name, node, &kinds[n++]);
      hl_loader_set_where (l, "%s", outer);
    }
  return ok ? (int) n : -1;
}

/* "kinds": optional, an object mapping kind names to how they are drawn.
 * The map's storage belongs to the dataset. */
void
hl_loader_read_lane_kinds (HlLoader *l, JsonObject *obj, HlLane *lane)
{
  JsonNode *node = json_object_get_member (obj, "kinds");
  g_autofree HlKind *kinds = NULL;
  JsonObject *map;
  guint size;
  int n;

  g_assert (l != NULL && lane != NULL);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      hl_loader_problem (l, _("field “kinds”: expected an object, got %s"),
                         hl_loader_describe_node (node));
      return;
    }
  map = json_node_get_object (node);
  size = json_object_get_size (map);
  if (size > HL_KINDS_MAX_PER_LANE)
    {
      hl_loader_problem (l, _("field “kinds”: %u kinds, at most %d are supported"), size,
                         HL_KINDS_MAX_PER_LANE);
      return;
    }
  if (size == 0)
    return;

  kinds = g_new0 (HlKind, size);
  if ((n = read_kind_entries (l, map, kinds)) <= 0)
    return;
  lane->kinds = kinds;
  lane->n_kinds = (guint) n;
  g_ptr_array_add (l->dataset->kind_maps, g_steal_pointer (&kinds));
}
