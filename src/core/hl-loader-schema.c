/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dataset object: its format, title, default range, lanes, periods and
 * facts (the events are read by hl-loader-events.c). */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "hl-loader-private.h"

/* How much of an unsupported "format" a message quotes, in bytes. */
#define MAX_FORMAT_SHOWN 64

static gboolean
parse_color (const char *text, guint32 *out)
{
  guint32 v = 0;

  if (text[0] != '#' || strlen (text) != 7)
    return FALSE;
  for (int i = 1; i < 7; i++)
    {
      int d = g_ascii_xdigit_value (text[i]);
      if (d < 0)
        return FALSE;
      v = (v << 4) | (guint32) d;
    }
  *out = v;
  return TRUE;
}

/* "measure" (required) and "color" (optional). */
static void
read_lane_measure (HlLoader *l, JsonObject *obj, HlLane *lane)
{
  const char *measure = hl_loader_read_string (l, obj, "measure", TRUE, 16, FALSE);
  const char *color = hl_loader_read_string (l, obj, "color", FALSE, 16, FALSE);

  if (measure != NULL)
    {
      if (g_str_equal (measure, "usd"))
        lane->measure = HL_MEASURE_USD;
      else if (g_str_equal (measure, "count"))
        lane->measure = HL_MEASURE_COUNT;
      else if (g_str_equal (measure, "span"))
        lane->measure = HL_MEASURE_SPAN;
      else
        hl_loader_problem (l, _("field “measure”: “%s” is not one of “usd”, "
                                "“count”, “span”"), measure);
    }
  if (color != NULL)
    {
      if (parse_color (color, &lane->color))
        lane->has_color = TRUE;
      else
        hl_loader_problem (l, _("field “color”: “%s” is not a colour of the form #rrggbb"),
                           color);
    }
}

static void
read_lane (HlLoader *l, JsonObject *obj, guint i)
{
  HlLane lane = { 0 };

  lane.id = hl_loader_read_string (l, obj, "id", TRUE, HL_LOADER_MAX_ID, FALSE);
  if (lane.id != NULL)
    hl_loader_set_where (l, "lanes[%u] (id “%s”)", i, lane.id);
  lane.title = hl_loader_read_string (l, obj, "title", FALSE, HL_LOADER_MAX_TITLE, FALSE);
  lane.unit = hl_loader_read_string (l, obj, "unit", FALSE, HL_LOADER_MAX_TITLE, FALSE);
  read_lane_measure (l, obj, &lane);
  hl_loader_read_lane_kinds (l, obj, &lane);

  if (lane.id != NULL && hl_dataset_find_lane (l->dataset, lane.id) >= 0)
    {
      hl_loader_problem (l, _("duplicate lane id “%s”"), lane.id);
      return;
    }
  if (lane.id == NULL)
    return;
  if (lane.title == NULL)
    lane.title = lane.id;
  g_array_append_val (l->dataset->lanes, lane);
}

static void
read_lanes (HlLoader *l, JsonObject *root)
{
  JsonArray *array = hl_loader_read_array (l, root, "lanes", TRUE);
  guint n;

  l->no_lanes = array == NULL || json_array_get_length (array) == 0;
  if (array == NULL)
    return;
  n = json_array_get_length (array);
  if (n == 0)
    hl_loader_problem (l, _("field “lanes”: needs at least one lane"));
  if (n > HL_DATASET_MAX_LANES)
    {
      hl_loader_problem (l, _("field “lanes”: %u lanes, at most %d are supported"), n,
                         HL_DATASET_MAX_LANES);
      l->no_lanes = TRUE;
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonObject *obj;

      hl_loader_set_where (l, "lanes[%u]", i);
      if ((obj = hl_loader_element_object (l, array, i)) != NULL)
        read_lane (l, obj, i);
    }
  hl_loader_set_where (l, NULL);
}

static void
read_periods (HlLoader *l, JsonObject *root)
{
  JsonArray *array = hl_loader_read_array (l, root, "periods", FALSE);
  guint n = hl_loader_check_length (l, array, "periods", HL_DATASET_MAX_PERIODS);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *obj;
      HlPeriod p = { 0 };

      hl_loader_set_where (l, "periods[%u]", i);
      if ((obj = hl_loader_element_object (l, array, i)) == NULL)
        continue;
      p.label = hl_loader_read_string (l, obj, "label", FALSE, HL_LOADER_MAX_TITLE, FALSE);
      if (!hl_loader_read_range (l, obj, &p.from, &p.to))
        continue;
      if (p.label == NULL)
        p.label = "";
      g_array_append_val (l->dataset->periods, p);
    }
  hl_loader_set_where (l, NULL);
}

static void
read_facts (HlLoader *l, JsonObject *root)
{
  JsonArray *array = hl_loader_read_array (l, root, "facts", FALSE);
  guint n = hl_loader_check_length (l, array, "facts", HL_DATASET_MAX_FACTS);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *obj;
      HlFact f = { 0 };

      hl_loader_set_where (l, "facts[%u]", i);
      if ((obj = hl_loader_element_object (l, array, i)) == NULL)
        continue;
      f.text = hl_loader_read_string (l, obj, "text", TRUE, HL_LOADER_MAX_TEXT, FALSE);
      hl_loader_read_sources (l, obj, &f.sources, &f.n_sources);
      if (f.text != NULL)
        g_array_append_val (l->dataset->facts, f);
    }
  hl_loader_set_where (l, NULL);
}
/* Returns FALSE, with a problem, unless "format" names this format: the
 * rest of a file in another format means something else. */
static gboolean
check_format (HlLoader *l, JsonObject *root)
{
  JsonNode *format = json_object_get_member (root, "format");

  if (format == NULL)
    {
      hl_loader_problem (l, _("missing required field “format” (expected “%s”)"),
                         HL_DATASET_FORMAT);
      return FALSE;
    }
  if (hl_loader_node_is_string (format) &&
      g_str_equal (json_node_get_string (format), HL_DATASET_FORMAT))
    return TRUE;

  if (hl_loader_node_is_string (format))
    {
      g_autofree char *shown = hl_loader_shorten (json_node_get_string (format), MAX_FORMAT_SHOWN);

      hl_loader_problem (l, _("field “format”: “%s” is not supported (expected “%s”)"),
                         shown, HL_DATASET_FORMAT);
    }
  else
    hl_loader_problem (l, _("field “format”: expected the string “%s”, got %s"),
                       HL_DATASET_FORMAT, hl_loader_describe_node (format));
  return FALSE;
}

/* Without one, both ends stay 0 and the loader picks a range later. */
static void
read_default_range (HlLoader *l, JsonObject *root)
{
  HlDataset *self = l->dataset;
  JsonNode *node = json_object_get_member (root, "default_range");

  self->default_from = self->default_to = 0;
  if (node == NULL)
    return;
  hl_loader_set_where (l, "default_range");
  if (!JSON_NODE_HOLDS_OBJECT (node))
    hl_loader_problem (l, _("expected an object with “from” and “to”, got %s"),
                       hl_loader_describe_node (node));
  else
    hl_loader_read_range (l, json_node_get_object (node), &self->default_from,
                          &self->default_to);
  hl_loader_set_where (l, NULL);
}

void
hl_loader_read_root (HlLoader *l, JsonNode *root_node)
{
  HlDataset *self = l->dataset;
  JsonObject *root;
  const char *s;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      hl_loader_problem (l, _("expected a JSON object at the top level, got %s"),
                         hl_loader_describe_node (root_node));
      return;
    }
  root = json_node_get_object (root_node);
  if (!check_format (l, root))
    return;

  if ((s = hl_loader_read_string (l, root, "title", FALSE, HL_LOADER_MAX_TITLE, FALSE)))
    self->title = s;
  if ((s = hl_loader_read_string (l, root, "description", FALSE, HL_LOADER_MAX_TEXT, FALSE)))
    self->description = s;

  read_lanes (l, root);
  read_periods (l, root);
  read_facts (l, root);
  hl_loader_read_events (l, root);
  read_default_range (l, root);
}
