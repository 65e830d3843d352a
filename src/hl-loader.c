/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reads heistline-dataset/1 files. Every file is untrusted: the bytes are
 * checked (size, encoding, nesting) before json-glib sees them, and every
 * rule of the format is checked after; a file with problems is refused as a
 * whole, with each problem named by place. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "hl-dataset-private.h"
#include "hl-data-resources.h"
#include "hl-date.h"

#define MAX_ID_LEN     256
#define MAX_TITLE_LEN  1024
#define MAX_TEXT_LEN   65536
#define MAX_USD        1e15     /* a quadrillion dollars: past that, a typo */
#define MAX_COUNT      1000000

static gsize max_file_size = HL_DATASET_DEFAULT_MAX_SIZE;

void
hl_dataset_set_max_file_size (gsize max_size)
{
  max_file_size = max_size;
}

gsize
hl_dataset_get_max_file_size (void)
{
  return max_file_size;
}

typedef struct
{
  HlDataset  *dataset;
  const char *name;
  GPtrArray  *problems;
  guint       n_dropped;
  /* what the problems being found belong to, e.g. `events[3] (id "x")` */
  char       *where;
} Loader;

static void add_problem (Loader *l, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
add_problem (Loader *l, const char *format, ...)
{
  g_autofree char *text = NULL;
  va_list args;

  if (l->problems->len >= HL_DATASET_MAX_PROBLEMS)
    {
      l->n_dropped++;
      return;
    }

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  if (l->where != NULL)
    g_ptr_array_add (l->problems, g_strdup_printf ("%s: %s: %s", l->name, l->where, text));
  else
    g_ptr_array_add (l->problems, g_strdup_printf ("%s: %s", l->name, text));
}

static void
set_where (Loader *l, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
set_where (Loader *l, const char *format, ...)
{
  va_list args;

  g_clear_pointer (&l->where, g_free);
  if (format == NULL)
    return;
  va_start (args, format);
  l->where = g_strdup_vprintf (format, args);
  va_end (args);
}

static gboolean
fail_with_problems (Loader *l, GError **error)
{
  g_autoptr(GString) msg = g_string_new (NULL);

  for (guint i = 0; i < l->problems->len; i++)
    {
      if (i > 0)
        g_string_append_c (msg, '\n');
      g_string_append (msg, g_ptr_array_index (l->problems, i));
    }
  if (l->n_dropped > 0)
    {
      g_string_append_printf (msg, "\n%s: ", l->name);
      g_string_append_printf (msg, ngettext ("… and %u more problem", "… and %u more problems",
                                             l->n_dropped), l->n_dropped);
    }
  g_set_error_literal (error, HL_DATASET_ERROR, HL_DATASET_ERROR_INVALID, msg->str);
  return FALSE;
}

static const char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return _("a string");
        case G_TYPE_BOOLEAN:
          return _("true/false");
        default:
          return _("a number");
        }
    }
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_number (JsonNode *node)
{
  GType t;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  t = json_node_get_value_type (node);
  return t == G_TYPE_INT64 || t == G_TYPE_DOUBLE;
}

/* Reads an optional or required string member, checking type and length.
 * Returns it copied into the dataset's string chunk, or NULL. */
static const char *
read_string (Loader     *l,
             JsonObject *obj,
             const char *member,
             gboolean    required,
             gsize       max_len,
             gboolean    intern)
{
  JsonNode *node = json_object_get_member (obj, member);
  const char *value;
  gsize len;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        add_problem (l, _("missing required field “%s”"), member);
      return NULL;
    }
  if (!node_is_string (node))
    {
      add_problem (l, _("field “%s”: expected a string, got %s"), member, describe_node (node));
      return NULL;
    }
  value = json_node_get_string (node);
  len = strlen (value);
  if (required && len == 0)
    {
      add_problem (l, _("field “%s”: must not be empty"), member);
      return NULL;
    }
  if (len > max_len)
    {
      add_problem (l, _("field “%s”: too long (%zu bytes, at most %zu)"), member, len, max_len);
      return NULL;
    }
  if (intern)
    return g_string_chunk_insert_const (l->dataset->strings, value);
  return g_string_chunk_insert (l->dataset->strings, value);
}

/* Returns the member as an array, or NULL (with a problem if it was
 * present but not an array, or missing and required). */
static JsonArray *
read_array (Loader *l, JsonObject *obj, const char *member, gboolean required)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        add_problem (l, _("missing required field “%s”"), member);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      add_problem (l, _("field “%s”: expected an array, got %s"), member, describe_node (node));
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
element_object (Loader *l, JsonArray *array, guint i)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      add_problem (l, _("expected an object, got %s"), describe_node (node));
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
read_date (Loader *l, JsonObject *obj, const char *member, gboolean required,
           gint64 *out_time, gboolean *out_date_only, const char **out_text)
{
  const char *text = read_string (l, obj, member, required, 64, FALSE);
  const char *problem = NULL;

  if (text == NULL)
    return FALSE;
  if (!hl_date_parse (text, out_time, out_date_only, &problem))
    {
      add_problem (l, _("field “%s”: “%s” is not a valid date: %s"), member, text, _(problem));
      return FALSE;
    }
  if (out_text)
    *out_text = text;
  return TRUE;
}

/* A range's "to" day is inclusive in the file: [from, to] covers whole days. */
static gboolean
read_range (Loader *l, JsonObject *obj, gint64 *from, gint64 *to)
{
  gboolean from_day = FALSE, to_day = FALSE;
  gboolean ok = TRUE;

  ok &= read_date (l, obj, "from", TRUE, from, &from_day, NULL);
  ok &= read_date (l, obj, "to", TRUE, to, &to_day, NULL);
  if (!ok)
    return FALSE;
  if (from_day)
    *from = hl_date_floor_day (*from);
  if (to_day)
    *to = hl_date_floor_day (*to) + HL_SECONDS_PER_DAY;
  if (*to <= *from)
    {
      add_problem (l, _("“to” must come after “from”"));
      return FALSE;
    }
  return TRUE;
}

/* Appends the sources of one event or fact to the shared array and returns
 * the offset of the first (stored in place of the pointer until finish). */
static void
read_sources (Loader *l, JsonObject *obj, const HlSource **out_sources, guint *out_n)
{
  JsonArray *array = read_array (l, obj, "sources", FALSE);
  g_autofree char *outer = g_strdup (l->where);
  guint first = l->dataset->sources->len;
  guint n;

  *out_sources = NULL;
  *out_n = 0;
  if (array == NULL)
    return;

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *src;
      HlSource s = { NULL, NULL };

      set_where (l, "%s: sources[%u]", outer, i);
      if ((src = element_object (l, array, i)) == NULL)
        continue;
      s.url = read_string (l, src, "url", TRUE, MAX_TEXT_LEN, FALSE);
      s.title = read_string (l, src, "title", FALSE, MAX_TITLE_LEN, FALSE);
      if (s.url == NULL)
        continue;
      if (s.title == NULL)
        s.title = s.url;
      g_array_append_val (l->dataset->sources, s);
    }
  set_where (l, "%s", outer);

  *out_sources = GSIZE_TO_POINTER ((gsize) first);
  *out_n = l->dataset->sources->len - first;
}

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

static void
read_lanes (Loader *l, JsonObject *root)
{
  JsonArray *array = read_array (l, root, "lanes", TRUE);
  guint n;

  if (array == NULL)
    return;
  n = json_array_get_length (array);
  if (n == 0)
    add_problem (l, _("field “lanes”: needs at least one lane"));
  if (n > HL_DATASET_MAX_LANES)
    {
      add_problem (l, _("field “lanes”: %u lanes, at most %d are supported"), n,
                   HL_DATASET_MAX_LANES);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonObject *obj;
      HlLane lane = { 0 };
      const char *measure, *color;

      set_where (l, "lanes[%u]", i);
      if ((obj = element_object (l, array, i)) == NULL)
        continue;
      lane.id = read_string (l, obj, "id", TRUE, MAX_ID_LEN, FALSE);
      if (lane.id != NULL)
        set_where (l, "lanes[%u] (id “%s”)", i, lane.id);
      lane.title = read_string (l, obj, "title", FALSE, MAX_TITLE_LEN, FALSE);
      measure = read_string (l, obj, "measure", TRUE, 16, FALSE);
      color = read_string (l, obj, "color", FALSE, 16, FALSE);

      if (measure != NULL)
        {
          if (g_str_equal (measure, "usd"))
            lane.measure = HL_MEASURE_USD;
          else if (g_str_equal (measure, "count"))
            lane.measure = HL_MEASURE_COUNT;
          else
            add_problem (l, _("field “measure”: “%s” is not one of “usd”, “count”"), measure);
        }
      if (color != NULL)
        {
          if (parse_color (color, &lane.color))
            lane.has_color = TRUE;
          else
            add_problem (l, _("field “color”: “%s” is not a colour of the form #rrggbb"), color);
        }
      if (lane.id != NULL && hl_dataset_find_lane (l->dataset, lane.id) >= 0)
        {
          add_problem (l, _("duplicate lane id “%s”"), lane.id);
          continue;
        }
      if (lane.id == NULL)
        continue;
      if (lane.title == NULL)
        lane.title = lane.id;
      g_array_append_val (l->dataset->lanes, lane);
    }
  set_where (l, NULL);
}

static void
read_periods (Loader *l, JsonObject *root)
{
  JsonArray *array = read_array (l, root, "periods", FALSE);
  guint n = array ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *obj;
      HlPeriod p = { 0 };

      set_where (l, "periods[%u]", i);
      if ((obj = element_object (l, array, i)) == NULL)
        continue;
      p.label = read_string (l, obj, "label", FALSE, MAX_TITLE_LEN, FALSE);
      if (!read_range (l, obj, &p.from, &p.to))
        continue;
      if (p.label == NULL)
        p.label = "";
      g_array_append_val (l->dataset->periods, p);
    }
  set_where (l, NULL);
}

static void
read_facts (Loader *l, JsonObject *root)
{
  JsonArray *array = read_array (l, root, "facts", FALSE);
  guint n = array ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *obj;
      HlFact f = { 0 };

      set_where (l, "facts[%u]", i);
      if ((obj = element_object (l, array, i)) == NULL)
        continue;
      f.text = read_string (l, obj, "text", TRUE, MAX_TEXT_LEN, FALSE);
      read_sources (l, obj, &f.sources, &f.n_sources);
      if (f.text != NULL)
        g_array_append_val (l->dataset->facts, f);
    }
  set_where (l, NULL);
}

static HlConfidence
parse_confidence (const char *text)
{
  for (HlConfidence c = HL_CONFIDENCE_OFFICIAL; c < HL_N_CONFIDENCES; c++)
    if (g_str_equal (text, hl_confidence_to_string (c)))
      return c;
  return HL_CONFIDENCE_UNSPECIFIED;
}

static gboolean
read_usd_value (Loader *l, const char *member, JsonNode *node, double *out)
{
  double v;

  if (!node_is_number (node))
    {
      add_problem (l, _("field “%s”: expected a number of US dollars, got %s"), member,
                   describe_node (node));
      return FALSE;
    }
  v = json_node_get_double (node);
  if (!isfinite (v))
    {
      add_problem (l, _("field “%s”: not a finite number"), member);
      return FALSE;
    }
  if (v < 0)
    {
      add_problem (l, _("field “%s”: must not be negative (got %g)"), member, v);
      return FALSE;
    }
  if (v > MAX_USD)
    {
      add_problem (l, _("field “%s”: %g is implausibly large (over $1 quadrillion)"), member, v);
      return FALSE;
    }
  *out = v;
  return TRUE;
}

static void
read_event (Loader *l, JsonObject *obj, guint index, GHashTable *ids)
{
  HlEvent ev = { 0 };
  const char *lane_id, *confidence;
  JsonNode *node;
  int lane = -1;
  gboolean ok = TRUE;
  guint n_problems = l->problems->len + l->n_dropped;

  ev.id = read_string (l, obj, "id", TRUE, MAX_ID_LEN, FALSE);
  if (ev.id != NULL)
    set_where (l, "events[%u] (id “%s”)", index, ev.id);

  lane_id = read_string (l, obj, "lane", TRUE, MAX_ID_LEN, FALSE);
  ev.title = read_string (l, obj, "title", TRUE, MAX_TITLE_LEN, FALSE);
  read_date (l, obj, "date", TRUE, &ev.time, NULL, &ev.date);
  ev.kind = read_string (l, obj, "kind", FALSE, MAX_TITLE_LEN, TRUE);
  ev.actor = read_string (l, obj, "actor", FALSE, MAX_TITLE_LEN, TRUE);
  ev.outcome = read_string (l, obj, "outcome", FALSE, MAX_TEXT_LEN, FALSE);
  ev.notes = read_string (l, obj, "notes", FALSE, MAX_TEXT_LEN, FALSE);
  confidence = read_string (l, obj, "confidence", FALSE, 32, FALSE);
  if (confidence != NULL)
    {
      ev.confidence = parse_confidence (confidence);
      if (ev.confidence == HL_CONFIDENCE_UNSPECIFIED)
        add_problem (l, _("field “confidence”: “%s” is not one of “official”, “analyst”, "
                          "“suspected”, “disputed”"), confidence);
    }

  if (ev.id != NULL)
    {
      gpointer other = g_hash_table_lookup (ids, ev.id);

      if (other != NULL)
        add_problem (l, _("duplicate id “%s” (first used by events[%u])"), ev.id,
                     GPOINTER_TO_UINT (other) - 1);
      else
        g_hash_table_insert (ids, (gpointer) ev.id, GUINT_TO_POINTER (index + 1));
    }

  if (lane_id != NULL)
    {
      lane = hl_dataset_find_lane (l->dataset, lane_id);
      if (lane < 0)
        add_problem (l, _("field “lane”: no lane has the id “%s”"), lane_id);
    }
  ev.lane = lane < 0 ? 0 : (guint) lane;

  ev.count = 1;
  if (lane >= 0 && hl_dataset_get_lane (l->dataset, lane)->measure == HL_MEASURE_USD)
    {
      node = json_object_get_member (obj, "usd");
      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        add_problem (l, _("missing field “usd” (lane “%s” measures US dollars)"), lane_id);
      else
        ok &= read_usd_value (l, "usd", node, &ev.usd);
    }
  else if (lane >= 0)
    {
      node = json_object_get_member (obj, "count");
      if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
        {
          double v;

          if (!node_is_number (node))
            add_problem (l, _("field “count”: expected a whole number, got %s"),
                         describe_node (node));
          else if (!isfinite (v = json_node_get_double (node)) || v != floor (v))
            add_problem (l, _("field “count”: must be a whole number (got %g)"), v);
          else if (v < 1)
            add_problem (l, _("field “count”: must be at least 1 (got %g)"), v);
          else if (v > MAX_COUNT)
            add_problem (l, _("field “count”: %g is implausibly large (at most %d)"), v, MAX_COUNT);
          else
            {
              ev.count = (guint) v;
              ev.count_known = TRUE;
            }
        }
    }

  /* usd_range: an optional [low, high] around the best estimate. */
  node = json_object_get_member (obj, "usd_range");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      JsonArray *range = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

      if (range == NULL || json_array_get_length (range) != 2)
        add_problem (l, _("field “usd_range”: expected an array [low, high]"));
      else if (read_usd_value (l, "usd_range", json_array_get_element (range, 0), &ev.usd_low) &&
               read_usd_value (l, "usd_range", json_array_get_element (range, 1), &ev.usd_high))
        {
          if (ev.usd_low > ev.usd_high)
            add_problem (l, _("field “usd_range”: low is above high"));
          else
            ev.has_usd_range = TRUE;
        }
    }

  read_sources (l, obj, &ev.sources, &ev.n_sources);

  if (ok && l->problems->len + l->n_dropped == n_problems)
    g_array_append_val (l->dataset->events, ev);
}

static void
read_events (Loader *l, JsonObject *root)
{
  JsonArray *array = read_array (l, root, "events", TRUE);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = array ? json_array_get_length (array) : 0;

  g_array_set_size (l->dataset->events, 0);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *obj;

      set_where (l, "events[%u]", i);
      if ((obj = element_object (l, array, i)) != NULL)
        read_event (l, obj, i, ids);
      /* Past the cap, reading on only counts problems: stop early instead. */
      if (l->n_dropped > 10000)
        break;
    }
  set_where (l, NULL);
}

static void
read_root (Loader *l, JsonNode *root_node)
{
  HlDataset *self = l->dataset;
  JsonObject *root;
  JsonNode *format;
  const char *s;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      add_problem (l, _("expected a JSON object at the top level, got %s"),
                   describe_node (root_node));
      return;
    }
  root = json_node_get_object (root_node);

  format = json_object_get_member (root, "format");
  if (format == NULL)
    {
      add_problem (l, _("missing required field “format” (expected “%s”)"), HL_DATASET_FORMAT);
      return;
    }
  if (!node_is_string (format) || !g_str_equal (json_node_get_string (format), HL_DATASET_FORMAT))
    {
      if (node_is_string (format))
        add_problem (l, _("field “format”: “%.64s” is not supported (expected “%s”)"),
                     json_node_get_string (format), HL_DATASET_FORMAT);
      else
        add_problem (l, _("field “format”: expected the string “%s”, got %s"),
                     HL_DATASET_FORMAT, describe_node (format));
      return;
    }

  if ((s = read_string (l, root, "title", FALSE, MAX_TITLE_LEN, FALSE)) != NULL)
    self->title = s;
  if ((s = read_string (l, root, "description", FALSE, MAX_TEXT_LEN, FALSE)) != NULL)
    self->description = s;

  read_lanes (l, root);
  read_periods (l, root);
  read_facts (l, root);
  read_events (l, root);

  if (json_object_has_member (root, "default_range"))
    {
      JsonNode *node = json_object_get_member (root, "default_range");

      set_where (l, "default_range");
      if (!JSON_NODE_HOLDS_OBJECT (node))
        add_problem (l, _("expected an object with “from” and “to”, got %s"), describe_node (node));
      else
        read_range (l, json_node_get_object (node), &self->default_from, &self->default_to);
      set_where (l, NULL);
    }
  else
    {
      self->default_from = self->default_to = 0;
    }
}

/* Where is byte @offset? 1-based line and column (in characters). */
static void
locate (const char *data, gsize offset, guint *line, guint *column)
{
  guint ln = 1, col = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          ln++;
          col = 1;
        }
      else if (((guchar) data[i] & 0xC0) != 0x80)
        col++;
    }
  *line = ln;
  *column = col;
}

/* json-glib recurses once per bracket and overflows the stack at about
 * 75,000 levels; a dataset never needs more than a handful. */
static gboolean
check_nesting (Loader *l, const char *data, gsize len)
{
  int depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > HL_DATASET_MAX_DEPTH)
            {
              guint line, col;

              locate (data, i, &line, &col);
              add_problem (l, _("%u:%u: nested deeper than %d levels; this is not a dataset"),
                           line, col, HL_DATASET_MAX_DEPTH);
              return FALSE;
            }
        }
      else if (c == ']' || c == '}')
        depth--;
    }
  return TRUE;
}

static gboolean
check_encoding (Loader *l, const char **data, gsize *len)
{
  const guchar *u = (const guchar *) *data;
  const char *end = NULL;

  if (*len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
    {
      add_problem (l, _("the file is UTF-16 encoded; save it as UTF-8"));
      return FALSE;
    }
  /* A UTF-8 byte order mark is allowed (RFC 8259 lets parsers ignore it,
   * and some editors add it); it is skipped. */
  if (*len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    {
      *data += 3;
      *len -= 3;
    }
  if (!g_utf8_validate_len (*data, *len, &end))
    {
      guint line, col;

      locate (*data, end - *data, &line, &col);
      if (*end == '\0')
        add_problem (l, _("%u:%u: contains a NUL byte; this is not a text file"), line, col);
      else
        add_problem (l, _("%u:%u: invalid UTF-8 (byte 0x%02X); save the file as UTF-8"),
                     line, col, (guchar) *end);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_blank (const char *data, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

HlDataset *
hl_dataset_new_from_bytes (GBytes        *bytes,
                           const char    *display_name,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(HlDataset) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  Loader l = { 0 };
  const char *data;
  gsize len;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = _("(unnamed)");

  data = g_bytes_get_data (bytes, &len);
  if (len > max_file_size)
    {
      g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_TOO_LARGE,
                   _("%s: the file is %s, larger than the limit of %s"),
                   display_name, g_format_size (len), g_format_size (max_file_size));
      return NULL;
    }

  self = hl_dataset_new_empty (display_name);
  l.dataset = self;
  l.name = self->display_name;
  l.problems = problems;

  if (len == 0 || is_blank (data, len))
    {
      add_problem (&l, _("the file is empty"));
      return fail_with_problems (&l, error), NULL;
    }
  if (!check_encoding (&l, &data, &len) || !check_nesting (&l, data, len))
    return fail_with_problems (&l, error), NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) len, &local_error))
    {
      guint line = json_parser_get_current_line (parser);
      guint col = json_parser_get_current_pos (parser);
      const char *msg = local_error->message;
      const char *tail;

      /* json-glib prefixes "<data>:LINE:COL: "; we name the file instead. */
      if (g_str_has_prefix (msg, "<data>:") && (tail = strstr (msg + 7, ": ")) != NULL)
        msg = tail + 2;
      g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_SYNTAX,
                   _("%s:%u:%u: not valid JSON: %s"), display_name, line, col, msg);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  read_root (&l, json_parser_get_root (parser));
  g_clear_object (&parser);
  g_clear_pointer (&l.where, g_free);

  if (problems->len > 0)
    return fail_with_problems (&l, error), NULL;

  hl_dataset_finish (self);

  /* Without a default range, show every event with a margin. */
  if (self->default_to <= self->default_from)
    {
      gint64 first, last;

      if (hl_dataset_get_extent (self, &first, &last))
        {
          self->default_from = hl_date_floor_day (first);
          self->default_to = hl_date_floor_day (last) + HL_SECONDS_PER_DAY;
        }
      else
        {
          self->default_from = hl_date_from_ymd (2023, 7, 1);
          self->default_to = hl_date_from_ymd (2024, 2, 1);
        }
    }

  return g_steal_pointer (&self);
}

HlDataset *
hl_dataset_new_from_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  HlDataset *self;
  gboolean use_path;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  use_path = g_file_is_native (file);
  name = use_path ? g_file_get_path (file) : g_file_get_uri (file);

  /* Refuse huge files before reading them into memory. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_IO, _("%s: cannot read: %s"),
                   name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_IO,
                   _("%s: is a folder, not a dataset file"), name);
      return NULL;
    }
  if ((guint64) g_file_info_get_size (info) > max_file_size)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (max_file_size);

      g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_TOO_LARGE,
                   _("%s: the file is %s, larger than the limit of %s"), name, size, limit);
      return NULL;
    }

  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_IO, _("%s: cannot read: %s"),
                     name, local_error->message);
      return NULL;
    }

  self = hl_dataset_new_from_bytes (bytes, name, cancellable, error);
  if (self != NULL)
    self->file = g_object_ref (file);
  return self;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  HlDataset *dataset = hl_dataset_new_from_file (task_data, cancellable, &error);

  if (dataset == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

/* Reads and validates @file on a worker thread: the caller keeps showing
 * what it has until the new dataset is ready, and may cancel. */
void
hl_dataset_load_async (GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hl_dataset_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

HlDataset *
hl_dataset_load_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

#define BUNDLED_PATH "/io/github/heistline/Heistline/data/heistline.json"

/* The dataset that ships with the app, compiled into the binary so it works
 * from the build directory and installed alike. It is validated by the
 * test suite, so failing here is a programming error. */
HlDataset *
hl_dataset_new_bundled (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  HlDataset *self;

  /* Looked up through the resource itself, which also keeps the linker from
   * dropping it out of the static library. */
  bytes = g_resource_lookup_data (hl_data_get_resource (), BUNDLED_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("bundled dataset missing: %s", error->message);
  self = hl_dataset_new_from_bytes (bytes, "heistline.json", NULL, &error);
  if (self == NULL)
    g_error ("bundled dataset invalid: %s", error->message);
  return self;
}
