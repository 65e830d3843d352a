/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The loader's problem list and the typed readers every part of the format
 * uses: a field of the wrong type or size becomes a problem named by place
 * (see hl-loader-private.h), never a crash or a silently dropped value. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "hl-date.h"
#include "hl-escape.h"
#include "hl-json-check.h"
#include "hl-loader-private.h"

/* The line events[l->event] begins on, or 0 if not known. */
static guint
event_line (HlLoader *l)
{
  guint line = 0, column = 0;

  if (l->event < 0 || l->text == NULL)
    return 0;
  if (!l->starts_looked)
    {
      l->starts_looked = TRUE;
      l->event_starts = hl_event_element_starts (l->text, l->text_len);
    }
  if (l->event_starts == NULL || (guint) l->event >= l->event_starts->len)
    return 0;
  hl_json_locate (l->text, g_array_index (l->event_starts, gsize, l->event), &line, &column);
  return line;
}

void
hl_loader_problem (HlLoader *l, const char *format, ...)
{
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;
  va_list args;
  guint n;

  if (l->problems->len >= HL_DATASET_MAX_PROBLEMS)
    {
      l->n_dropped++;
      return;
    }

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  /* Ids, values and member names come from the file: one problem is one
   * line, with nothing in it a terminal would act on. An event's problem
   * names the line the event begins on too. */
  if (l->where != NULL && (n = event_line (l)) > 0)
    line = g_strdup_printf ("%s:%u: %s: %s", l->name, n, l->where, text);
  else if (l->where != NULL)
    line = g_strdup_printf ("%s: %s: %s", l->name, l->where, text);
  else
    line = g_strdup_printf ("%s: %s", l->name, text);
  g_ptr_array_add (l->problems, hl_escape_text (line, -1, HL_ESCAPE_NONE));
}

void
hl_loader_set_where (HlLoader *l, const char *format, ...)
{
  va_list args;

  g_clear_pointer (&l->where, g_free);
  if (format == NULL)
    return;
  va_start (args, format);
  l->where = g_strdup_vprintf (format, args);
  va_end (args);
}

gboolean
hl_loader_fail (HlLoader *l, GError **error)
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

const char *
hl_loader_describe_node (JsonNode *node)
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

/* @text cut to at most @max bytes, at a character boundary, with "…". */
char *
hl_loader_shorten (const char *text, gsize max)
{
  gsize len = strlen (text);

  if (len <= max)
    return g_strdup (text);
  while (max > 0 && ((guchar) text[max] & 0xC0) == 0x80)
    max--;
  return g_strdup_printf ("%.*s…", (int) max, text);
}

/* A number as a person would write it: "41000000", "7.5", "1e+20". */
const char *
hl_loader_format_number (char buf[G_ASCII_DTOSTR_BUF_SIZE], double v)
{
  if (v == floor (v) && fabs (v) < 1e17)
    g_snprintf (buf, G_ASCII_DTOSTR_BUF_SIZE, "%.0f", v);
  else
    g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, "%.15g", v);
  return buf;
}

gboolean
hl_loader_node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

gboolean
hl_loader_node_is_number (JsonNode *node)
{
  GType t;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  t = json_node_get_value_type (node);
  return t == G_TYPE_INT64 || t == G_TYPE_DOUBLE;
}

/* Reads an optional or required string member, checking type and length.
 * Returns it copied into the dataset's string chunk, or NULL. */
const char *
hl_loader_read_string (HlLoader     *l,
                       JsonObject *obj,
                       const char *member,
                       gboolean    required,
                       gsize       max_len,
                       gboolean    intern)
{
  JsonNode *node = json_object_get_member (obj, member);
  const char *value;
  gsize len;

  if (node == NULL || (!required && JSON_NODE_HOLDS_NULL (node)))
    {
      if (required)
        hl_loader_problem (l, _("missing required field “%s”"), member);
      return NULL;
    }
  if (!hl_loader_node_is_string (node))
    {
      hl_loader_problem (l, _("field “%s”: expected a string, got %s"), member,
                         hl_loader_describe_node (node));
      return NULL;
    }
  value = json_node_get_string (node);
  len = strlen (value);
  if (required && len == 0)
    {
      hl_loader_problem (l, _("field “%s”: must not be empty"), member);
      return NULL;
    }
  if (len > max_len)
    {
      hl_loader_problem (l, _("field “%s”: too long (%zu bytes, at most %zu)"), member, len,
                         max_len);
      return NULL;
    }
  if (intern)
    return g_string_chunk_insert_const (l->dataset->strings, value);
  return g_string_chunk_insert (l->dataset->strings, value);
}

/* Returns the member as an array, or NULL (with a problem if it was
 * present but not an array, or missing and required). */
JsonArray *
hl_loader_read_array (HlLoader *l, JsonObject *obj, const char *member, gboolean required)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        hl_loader_problem (l, _("missing required field “%s”"), member);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      hl_loader_problem (l, _("field “%s”: expected an array, got %s"), member,
                         hl_loader_describe_node (node));
      return NULL;
    }
  return json_node_get_array (node);
}

/* The number of elements of @array (NULL: none) to read: 0, with a
 * problem, if it holds more than @max. */
guint
hl_loader_check_length (HlLoader *l, JsonArray *array, const char *member, guint max)
{
  guint n = array != NULL ? json_array_get_length (array) : 0;

  if (n <= max)
    return n;
  /* TRANSLATORS: a field of the format ("periods", "facts", "sources"), the
   * number of its elements and the same word (untranslated), the limit */
  hl_loader_problem (l, _("field “%s”: %u %s, at most %u are supported"), member, n, member,
                     max);
  return 0;
}

JsonObject *
hl_loader_element_object (HlLoader *l, JsonArray *array, guint i)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      hl_loader_problem (l, _("expected an object, got %s"), hl_loader_describe_node (node));
      return NULL;
    }
  return json_node_get_object (node);
}

gboolean
hl_loader_read_date (HlLoader *l, JsonObject *obj, const char *member, gboolean required,
                     gint64 *out_time, gint64 *out_instant, gboolean *out_date_only,
                     const char **out_text)
{
  const char *text = hl_loader_read_string (l, obj, member, required, 64, FALSE);
  const char *problem = NULL;

  if (text == NULL)
    return FALSE;
  if (!hl_date_parse_full (text, out_time, out_instant, out_date_only, &problem))
    {
      hl_loader_problem (l, _("field “%s”: “%s” is not a valid date: %s"), member, text,
                         _(problem));
      return FALSE;
    }
  if (out_text)
    *out_text = text;
  return TRUE;
}

/* A range's "to" day is inclusive in the file: [from, to] covers whole days. */
gboolean
hl_loader_read_range (HlLoader *l, JsonObject *obj, gint64 *from, gint64 *to)
{
  gboolean from_day = FALSE, to_day = FALSE;
  gboolean ok = TRUE;
  const char *from_text = NULL, *to_text = NULL;

  ok &= hl_loader_read_date (l, obj, "from", TRUE, from, NULL, &from_day, &from_text);
  ok &= hl_loader_read_date (l, obj, "to", TRUE, to, NULL, &to_day, &to_text);
  if (!ok)
    return FALSE;
  if (from_day)
    *from = hl_date_floor_day (*from);
  if (to_day)
    *to = hl_date_floor_day (*to) + HL_SECONDS_PER_DAY;
  if (*to <= *from)
    {
      hl_loader_problem (l, _("“to” (%s) must come after “from” (%s)"), to_text,
                         from_text);
      return FALSE;
    }
  return TRUE;
}

/* Appends the sources of one event or fact to the shared array and returns
 * the offset of the first (stored in place of the pointer until finish). */
void
hl_loader_read_sources (HlLoader *l, JsonObject *obj, const HlSource **out_sources, guint *out_n)
{
  JsonArray *array = hl_loader_read_array (l, obj, "sources", FALSE);
  g_autofree char *outer = g_strdup (l->where);
  guint first = l->dataset->sources->len;
  guint n;

  *out_sources = NULL;
  *out_n = 0;
  n = hl_loader_check_length (l, array, "sources", HL_DATASET_MAX_SOURCES);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *src;
      HlSource s = { NULL, NULL };

      hl_loader_set_where (l, "%s: sources[%u]", outer, i);
      if ((src = hl_loader_element_object (l, array, i)) == NULL)
        continue;
      s.url = hl_loader_read_string (l, src, "url", TRUE, HL_LOADER_MAX_TEXT, FALSE);
      s.title = hl_loader_read_string (l, src, "title", FALSE, HL_LOADER_MAX_TITLE, FALSE);
      if (s.url == NULL)
        continue;
      if (s.title == NULL)
        s.title = s.url;
      g_array_append_val (l->dataset->sources, s);
    }
  hl_loader_set_where (l, "%s", outer);

  *out_sources = GSIZE_TO_POINTER ((gsize) first);
  *out_n = l->dataset->sources->len - first;
}
