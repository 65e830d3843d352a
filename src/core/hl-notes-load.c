/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reads heistline-notes/1 files with the care datasets get: the bytes are
 * checked (size, encoding, syntax, nesting) before json-glib sees them,
 * then every rule of the format, and each problem is named by file, line
 * and field ("a.notes.json:12: annotations[2].date: …"). A file with
 * problems is refused as a whole: nothing in it is half read. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "hl-date.h"
#include "hl-escape.h"
#include "hl-json-check.h"
#include "hl-notes.h"

#define MAX_DEPTH       32
#define MAX_ID          256
#define MAX_PROBLEMS    50
#define MAX_SIZE_SIDE   16384

typedef struct
{
  const char *name;        /* the file, escaped */
  GHashTable *lines;       /* "%p" (an object) or "%p/member" -> line */
  GPtrArray  *problems;
  guint       n_dropped;
} Reader;

/* json-glib says where it is as it parses: a member's line is where its
 * value ends; an object's, where its first member does. */
static void
on_member (JsonParser *parser, JsonObject *obj, const char *member, gpointer data)
{
  Reader *r = data;
  guint line = json_parser_get_current_line (parser);
  char *obj_key = g_strdup_printf ("%p", (void *) obj);

  g_hash_table_insert (r->lines, g_strdup_printf ("%p/%s", (void *) obj, member),
                       GUINT_TO_POINTER (line));
  if (!g_hash_table_contains (r->lines, obj_key))
    g_hash_table_insert (r->lines, obj_key, GUINT_TO_POINTER (line));
  else
    g_free (obj_key);
}

static guint
line_of (Reader *r, JsonObject *obj, const char *member)
{
  g_autofree char *key = NULL;
  gpointer line;

  if (obj == NULL)
    return 1;
  key = member != NULL ? g_strdup_printf ("%p/%s", (void *) obj, member)
                       : g_strdup_printf ("%p", (void *) obj);
  line = g_hash_table_lookup (r->lines, key);
  if (line == NULL && member != NULL)
    return line_of (r, obj, NULL);
  return line != NULL ? GPOINTER_TO_UINT (line) : 1;
}

static void G_GNUC_PRINTF (5, 6)
problem (Reader *r, JsonObject *obj, const char *member, const char *field,
         const char *format, ...)
{
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;
  va_list args;

  if (r->problems->len >= MAX_PROBLEMS)
    {
      r->n_dropped++;
      return;
    }
  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  if (field != NULL)
    line = g_strdup_printf ("%s:%u: %s: %s", r->name, line_of (r, obj, member), field, text);
  else
    line = g_strdup_printf ("%s:%u: %s", r->name, line_of (r, obj, member), text);
  g_ptr_array_add (r->problems, hl_escape_text (line, -1, HL_ESCAPE_NONE));
}

static char *
field_name (const char *path, const char *member)
{
  return path != NULL ? g_strdup_printf ("%s.%s", path, member) : g_strdup (member);
}

static const char *
describe_node (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("an array");
  if (JSON_NODE_HOLDS_NULL (node))
    return _("null");
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

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && (json_node_get_value_type (node) == G_TYPE_INT64 ||
                                          json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

static void
check_members (Reader *r, JsonObject *obj, const char *path, const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (obj);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      {
        g_autofree char *field = field_name (path, l->data);

        problem (r, obj, l->data, field,
                 _("unknown member (a typo? see data/README.md, “Notes files”)"));
      }
}

/* A string member: NULL (and a problem if @required) when absent; NULL
 * and a problem when not a string, empty or longer than @max bytes. */
static const char *
read_string (Reader *r, JsonObject *obj, const char *path, const char *member,
             gboolean required, gsize max)
{
  JsonNode *node = json_object_get_member (obj, member);
  g_autofree char *field = field_name (path, member);
  const char *s;

  if (node == NULL)
    {
      if (required)
        problem (r, obj, NULL, field, _("missing (it is required)"));
      return NULL;
    }
  if (!is_string (node))
    {
      problem (r, obj, member, field, _("must be a string, not %s"), describe_node (node));
      return NULL;
    }
  s = json_node_get_string (node);
  if (*s == '\0')
    problem (r, obj, member, field, _("must not be empty"));
  else if (strlen (s) > max)
    problem (r, obj, member, field, _("is longer than %zu bytes"), max);
  else
    return s;
  return NULL;
}

static gboolean
read_day (Reader *r, JsonObject *obj, const char *path, const char *member,
          gboolean date_only, gint64 *time)
{
  const char *text = read_string (r, obj, path, member, TRUE, 64);
  g_autofree char *field = field_name (path, member);
  const char *why = NULL;
  gboolean only = FALSE;

  if (text == NULL)
    return FALSE;
  if (!hl_date_parse (text, time, &only, &why))
    {
      problem (r, obj, member, field, _("“%s” is not a date: %s"), text, why);
      return FALSE;
    }
  if (date_only && !only)
    {
      problem (r, obj, member, field, _("“%s” must be a day (YYYY-MM-DD)"), text);
      return FALSE;
    }
  return TRUE;
}

/* A from/to pair of days: both or neither; sets [*from, *to). */
static gboolean
read_span (Reader *r, JsonObject *obj, const char *path, gint64 *from, gint64 *to)
{
  gboolean has_from = json_object_has_member (obj, "from");
  gboolean has_to = json_object_has_member (obj, "to");

  if (has_from != has_to)
    {
      g_autofree char *field = field_name (path, has_from ? "to" : "from");

      problem (r, obj, has_from ? "from" : "to", field,
               _("missing: “from” and “to” go together"));
      return FALSE;
    }
  if (!read_day (r, obj, path, "from", TRUE, from) | !read_day (r, obj, path, "to", TRUE, to))
    return FALSE;
  *from = hl_date_floor_day (*from);
  *to = hl_date_floor_day (*to) + HL_SECONDS_PER_DAY;
  if (*to <= *from)
    {
      g_autofree char *field = field_name (path, "to");

      problem (r, obj, "to", field, _("comes before “from”"));
      return FALSE;
    }
  return TRUE;
}

/* An array of non-empty strings, or NULL (a problem if it is not one). */
static char **
read_strv (Reader *r, JsonObject *obj, const char *path, const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);
  g_autofree char *field = field_name (path, member);
  g_autoptr(GStrvBuilder) b = NULL;
  JsonArray *array;

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      problem (r, obj, member, field, _("must be an array of strings, not %s"),
               describe_node (node));
      return NULL;
    }
  array = json_node_get_array (node);
  b = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);

      if (!is_string (e) || *json_node_get_string (e) == '\0' ||
          strlen (json_node_get_string (e)) > MAX_ID)
        {
          problem (r, obj, member, field, _("element %u must be a non-empty string of at most "
                                            "%d bytes, not %s"), i, MAX_ID, describe_node (e));
          return NULL;
        }
      g_strv_builder_add (b, json_node_get_string (e));
    }
  return g_strv_builder_end (b);
}

static gboolean
read_color (Reader *r, JsonObject *obj, const char *path, guint32 *color)
{
  const char *text = read_string (r, obj, path, "color", FALSE, 16);
  g_autofree char *field = field_name (path, "color");
  guint64 v;

  if (text == NULL)
    return FALSE;
  if (text[0] != '#' || strlen (text) != 7 ||
      !g_ascii_string_to_unsigned (text + 1, 16, 0, 0xffffff, &v, NULL))
    {
      problem (r, obj, "color", field, _("“%s” is not a colour #RRGGBB"), text);
      return FALSE;
    }
  *color = (guint32) v;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Annotations */

static gboolean
read_annotation_time (Reader *r, JsonObject *obj, const char *path, HlAnnotation *note)
{
  gboolean has_date = json_object_has_member (obj, "date");
  gboolean has_span = json_object_has_member (obj, "from") || json_object_has_member (obj, "to");
  g_autofree char *field = field_name (path, "date");

  if (has_date && has_span)
    {
      problem (r, obj, "date", field, _("give a “date” or a “from”/“to” span, not both"));
      return FALSE;
    }
  if (!has_span)
    {
      if (!read_day (r, obj, path, "date", FALSE, &note->from))
        return FALSE;
      note->to = note->from;
      note->date = g_strdup (json_object_get_string_member (obj, "date"));
      return TRUE;
    }
  if (!read_span (r, obj, path, &note->from, &note->to))
    return FALSE;
  note->from_date = g_strdup (json_object_get_string_member (obj, "from"));
  note->to_date = g_strdup (json_object_get_string_member (obj, "to"));
  return TRUE;
}

static HlAnnotation *
read_annotation (Reader *r, JsonObject *obj, const char *path, GHashTable *ids)
{
  static const char * const known[] = { "id", "date", "from", "to", "text", "lanes", "color",
                                        NULL };
  g_autoptr(HlAnnotation) note = g_new0 (HlAnnotation, 1);
  guint before = r->problems->len + r->n_dropped;
  const char *id, *text;

  check_members (r, obj, path, known);
  id = read_string (r, obj, path, "id", TRUE, MAX_ID);
  text = read_string (r, obj, path, "text", TRUE, HL_NOTES_MAX_TEXT);
  if (id != NULL && g_hash_table_contains (ids, id))
    {
      g_autofree char *field = field_name (path, "id");

      problem (r, obj, "id", field, _("“%s” is the id of an earlier annotation too"), id);
    }
  else if (id != NULL)
    g_hash_table_add (ids, (gpointer) id);
  read_annotation_time (r, obj, path, note);
  note->lanes = read_strv (r, obj, path, "lanes");
  note->has_color = json_object_has_member (obj, "color") &&
                    read_color (r, obj, path, &note->color);
  if (r->problems->len + r->n_dropped != before)
    return NULL;
  note->id = g_strdup (id);
  note->text = g_strdup (text);
  return g_steal_pointer (&note);
}

/* ------------------------------------------------------------------ */
/* Views */

static void
read_view_filters (Reader *r, JsonObject *view, const char *path, HlSavedView *v)
{
  static const char * const known[] = { "hide_grades", "min_usd", "search", NULL };
  JsonNode *node = json_object_get_member (view, "filters");
  g_autofree char *fpath = field_name (path, "filters");
  JsonObject *obj;
  const char *search;

  if (node == NULL)
    return;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (r, view, "filters", fpath, _("must be an object, not %s"), describe_node (node));
      return;
    }
  obj = json_node_get_object (node);
  check_members (r, obj, fpath, known);
  v->hide_grades = read_strv (r, obj, fpath, "hide_grades");
  for (guint i = 0; v->hide_grades != NULL && v->hide_grades[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (HlConfidence c = HL_CONFIDENCE_OFFICIAL; c < HL_N_CONFIDENCES; c++)
        found |= g_str_equal (v->hide_grades[i], hl_confidence_to_string (c));
      if (!found)
        {
          g_autofree char *field = field_name (fpath, "hide_grades");

          problem (r, obj, "hide_grades", field, _("“%s” is not one of official, analyst, "
                                                   "suspected, disputed"), v->hide_grades[i]);
        }
    }
  if ((node = json_object_get_member (obj, "min_usd")) != NULL)
    {
      g_autofree char *field = field_name (fpath, "min_usd");

      if (!is_number (node) || json_node_get_double (node) < 0)
        problem (r, obj, "min_usd", field, _("must be a number of dollars, 0 or more"));
      else
        v->min_usd = json_node_get_double (node);
    }
  if ((search = read_string (r, obj, fpath, "search", FALSE, HL_NOTES_MAX_NAME)) != NULL)
    v->search = g_strdup (search);
}

static void
read_view_enums (Reader *r, JsonObject *obj, const char *path, HlSavedView *v)
{
  const char *s;
  g_autofree char *bins = field_name (path, "bins");
  g_autofree char *scale = field_name (path, "money_scale");
  g_autofree char *theme = field_name (path, "theme");

  if ((s = read_string (r, obj, path, "bins", FALSE, 32)) != NULL &&
      !(v->has_bins = hl_bins_from_string (s, &v->bins)))
    problem (r, obj, "bins", bins, _("“%s” is not one of marks, auto, day, week, month, "
                                     "quarter, year"), s);
  if ((s = read_string (r, obj, path, "money_scale", FALSE, 32)) != NULL &&
      !(v->has_money_scale = hl_money_scale_from_string (s, &v->money_scale)))
    problem (r, obj, "money_scale", scale, _("“%s” is not one of linear, log"), s);
  if ((s = read_string (r, obj, path, "theme", FALSE, 32)) != NULL)
    {
      v->has_theme = TRUE;
      if (g_str_equal (s, "light"))
        v->theme = HL_THEME_LIGHT;
      else if (g_str_equal (s, "dark"))
        v->theme = HL_THEME_DARK;
      else if (g_str_equal (s, "transparent"))
        v->theme = HL_THEME_TRANSPARENT;
      else
        problem (r, obj, "theme", theme, _("“%s” is not one of light, dark, transparent"), s);
    }
}

static void
read_view_notes (Reader *r, JsonObject *obj, const char *path, HlSavedView *v,
                 GHashTable *ids)
{
  JsonNode *node = json_object_get_member (obj, "annotations");
  g_autofree char *field = field_name (path, "annotations");

  v->notes = HL_VIEW_NOTES_ALL;
  if (node == NULL)
    return;
  if (is_string (node) && g_str_equal (json_node_get_string (node), "all"))
    return;
  if (is_string (node) && g_str_equal (json_node_get_string (node), "none"))
    {
      v->notes = HL_VIEW_NOTES_NONE;
      return;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      problem (r, obj, "annotations", field,
               _("must be “all”, “none” or an array of annotation ids"));
      return;
    }
  v->notes = HL_VIEW_NOTES_SOME;
  v->annotation_ids = read_strv (r, obj, path, "annotations");
  for (guint i = 0; v->annotation_ids != NULL && v->annotation_ids[i] != NULL; i++)
    if (!g_hash_table_contains (ids, v->annotation_ids[i]))
      problem (r, obj, "annotations", field, _("no annotation has the id “%s”"),
               v->annotation_ids[i]);
}

static void
read_view_size (Reader *r, JsonObject *obj, const char *path, HlSavedView *v)
{
  const char *preset = read_string (r, obj, path, "preset", FALSE, 64);
  JsonNode *node = json_object_get_member (obj, "size");
  g_autofree char *field = field_name (path, "size");
  JsonObject *size;
  JsonNode *w, *h;

  v->preset = g_strdup (preset);
  if (node == NULL)
    return;
  if (preset != NULL)
    {
      problem (r, obj, "size", field, _("give a “preset” or a “size”, not both"));
      return;
    }
  size = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  w = size != NULL ? json_object_get_member (size, "width") : NULL;
  h = size != NULL ? json_object_get_member (size, "height") : NULL;
  if (w == NULL || h == NULL || json_object_get_size (size) != 2 ||
      !JSON_NODE_HOLDS_VALUE (w) || json_node_get_value_type (w) != G_TYPE_INT64 ||
      !JSON_NODE_HOLDS_VALUE (h) || json_node_get_value_type (h) != G_TYPE_INT64 ||
      json_node_get_int (w) < 64 || json_node_get_int (w) > MAX_SIZE_SIDE ||
      json_node_get_int (h) < 64 || json_node_get_int (h) > MAX_SIZE_SIDE)
    {
      problem (r, obj, "size", field, _("must be {\"width\": W, \"height\": H}, whole pixels "
                                        "from 64 to %d"), MAX_SIZE_SIDE);
      return;
    }
  v->width = (int) json_node_get_int (w);
  v->height = (int) json_node_get_int (h);
}

static HlSavedView *
read_view (Reader *r, JsonObject *obj, const char *path, GHashTable *ids, GHashTable *names)
{
  static const char * const known[] = { "name", "from", "to", "lanes", "filters", "bins",
                                        "money_scale", "theme", "title", "annotations",
                                        "preset", "size", "files", NULL };
  g_autoptr(HlSavedView) v = g_new0 (HlSavedView, 1);
  guint before = r->problems->len + r->n_dropped;
  const char *name, *title;

  check_members (r, obj, path, known);
  name = read_string (r, obj, path, "name", TRUE, HL_NOTES_MAX_NAME);
  if (name != NULL && g_hash_table_contains (names, name))
    {
      g_autofree char *field = field_name (path, "name");

      problem (r, obj, "name", field, _("“%s” is the name of an earlier view too"), name);
    }
  else if (name != NULL)
    g_hash_table_add (names, (gpointer) name);
  if (json_object_has_member (obj, "from") || json_object_has_member (obj, "to"))
    v->has_range = read_span (r, obj, path, &v->from, &v->to);
  v->lanes = read_strv (r, obj, path, "lanes");
  read_view_filters (r, obj, path, v);
  read_view_enums (r, obj, path, v);
  if ((title = read_string (r, obj, path, "title", FALSE, 1024)) != NULL)
    v->title = g_strdup (title);
  read_view_notes (r, obj, path, v, ids);
  read_view_size (r, obj, path, v);
  v->files = read_strv (r, obj, path, "files");
  if (r->problems->len + r->n_dropped != before)
    return NULL;
  v->name = g_strdup (name);
  return g_steal_pointer (&v);
}

/* ------------------------------------------------------------------ */
/* The file */

static JsonArray *
read_list (Reader *r, JsonObject *root, const char *member, guint max)
{
  JsonNode *node = json_object_get_member (root, member);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      problem (r, root, member, member, _("must be an array, not %s"), describe_node (node));
      return NULL;
    }
  if (json_array_get_length (json_node_get_array (node)) > max)
    {
      problem (r, root, member, member, _("has more than %u entries"), max);
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
element_object (Reader *r, JsonObject *root, const char *member, JsonArray *array, guint i,
                char **path)
{
  JsonNode *e = json_array_get_element (array, i);

  *path = g_strdup_printf ("%s[%u]", member, i);
  if (JSON_NODE_HOLDS_OBJECT (e))
    return json_node_get_object (e);
  problem (r, root, member, *path, _("must be an object, not %s"), describe_node (e));
  return NULL;
}

static void
read_root (Reader *r, JsonNode *root_node, HlNotes *notes)
{
  static const char * const known[] = { "format", "dataset", "annotations", "views", NULL };
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *root;
  JsonArray *list;
  const char *format;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      problem (r, NULL, NULL, NULL, _("a notes file is a JSON object, not %s"),
               describe_node (root_node));
      return;
    }
  root = json_node_get_object (root_node);
  format = read_string (r, root, NULL, "format", TRUE, 64);
  if (format != NULL && !g_str_equal (format, HL_NOTES_FORMAT))
    problem (r, root, "format", "format", _("“%s” is not “%s” (is this a notes file?)"), format,
             HL_NOTES_FORMAT);
  check_members (r, root, NULL, known);
  read_string (r, root, NULL, "dataset", FALSE, 4096);
  if ((list = read_list (r, root, "annotations", HL_NOTES_MAX_ANNOTATIONS)) != NULL)
    for (guint i = 0; i < json_array_get_length (list); i++)
      {
        g_autofree char *path = NULL;
        JsonObject *obj = element_object (r, root, "annotations", list, i, &path);
        HlAnnotation *note = obj != NULL ? read_annotation (r, obj, path, ids) : NULL;

        if (note != NULL)
          g_ptr_array_add (notes->annotations, note);
      }
  if ((list = read_list (r, root, "views", HL_NOTES_MAX_VIEWS)) != NULL)
    for (guint i = 0; i < json_array_get_length (list); i++)
      {
        g_autofree char *path = NULL;
        JsonObject *obj = element_object (r, root, "views", list, i, &path);
        HlSavedView *v = obj != NULL ? read_view (r, obj, path, ids, names) : NULL;

        if (v != NULL)
          g_ptr_array_add (notes->views, v);
      }
}

static gboolean
fail (Reader *r, GError **error)
{
  g_autoptr(GString) msg = g_string_new (NULL);

  for (guint i = 0; i < r->problems->len; i++)
    g_string_append_printf (msg, "%s%s", i > 0 ? "\n" : "",
                            (char *) g_ptr_array_index (r->problems, i));
  if (r->n_dropped > 0)
    {
      g_string_append_printf (msg, "\n%s: ", r->name);
      g_string_append_printf (msg, ngettext ("… and %u more problem", "… and %u more problems",
                                             r->n_dropped), r->n_dropped);
    }
  g_set_error_literal (error, HL_NOTES_ERROR, HL_NOTES_ERROR_INVALID, msg->str);
  return FALSE;
}

/* Not JSON, not UTF-8, empty, too large: refused before json-glib. */
static gboolean
check_bytes (Reader *r, const char *data, gsize len, GError **error)
{
  const HlJsonLimits limits = { MAX_DEPTH, HL_NOTES_MAX_TEXT * 6 };
  g_autofree char *why = NULL;
  g_autofree char *shown = NULL;
  const char *end = NULL;
  guint line = 1, col = 1;
  gboolean by_rule = FALSE;

  if (len > HL_NOTES_MAX_FILE_SIZE)
    g_set_error (error, HL_NOTES_ERROR, HL_NOTES_ERROR_INVALID,
                 _("%s: the file is larger than the limit of %d MiB for notes"), r->name,
                 (int) (HL_NOTES_MAX_FILE_SIZE >> 20));
  else if (strspn (data, " \t\r\n") == len)
    g_set_error (error, HL_NOTES_ERROR, HL_NOTES_ERROR_SYNTAX, _("%s:1: the file is empty"),
                 r->name);
  else if (!g_utf8_validate_len (data, len, &end))
    {
      hl_json_locate (data, end - data, &line, &col);
      g_set_error (error, HL_NOTES_ERROR, HL_NOTES_ERROR_SYNTAX,
                   _("%s:%u:%u: not UTF-8 text (byte 0x%02X); save the file as UTF-8"), r->name,
                   line, col, (guchar) *end);
    }
  else if (!hl_json_check_full (data, len, &limits, NULL, &line, &col, &why, &by_rule))
    {
      shown = hl_escape_text (why != NULL ? why : "", -1, HL_ESCAPE_NONE);
      g_set_error (error, HL_NOTES_ERROR, HL_NOTES_ERROR_SYNTAX,
                   by_rule ? _("%s:%u:%u: valid JSON, but Heistline does not accept it: %s")
                           : _("%s:%u:%u: not valid JSON: %s"), r->name, line, col, shown);
    }
  else
    return TRUE;
  return FALSE;
}

/* Reads a notes file's bytes; @display_name names it in messages. */
HlNotes *
hl_notes_new_from_bytes (GBytes *bytes, const char *display_name, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(HlNotes) notes = hl_notes_new ();
  g_autofree char *name = NULL;
  g_autoptr(GError) local = NULL;
  Reader r = { 0 };
  const char *data;
  gboolean ok;
  gsize len;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = hl_escape_text (display_name != NULL ? display_name : "notes", -1, HL_ESCAPE_NONE);
  r.name = name;
  data = g_bytes_get_data (bytes, &len);
  if (data == NULL)
    data = "";
  if (!check_bytes (&r, data, len, error))
    return NULL;
  r.lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.problems = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (parser, "object-member", G_CALLBACK (on_member), &r);
  if (!json_parser_load_from_data (parser, data, (gssize) len, &local))
    problem (&r, NULL, NULL, NULL, _("not valid JSON: %s"), local->message);
  else
    read_root (&r, json_parser_get_root (parser), notes);
  ok = r.problems->len == 0;
  if (!ok)
    fail (&r, error);
  g_hash_table_unref (r.lines);
  g_ptr_array_unref (r.problems);
  return ok ? g_steal_pointer (&notes) : NULL;
}

HlNotes *
hl_notes_new_from_file (GFile *file, GError **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GFileInfo) info = NULL;
  gsize len = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL,
                            NULL);
  if (info != NULL && (guint64) g_file_info_get_size (info) > HL_NOTES_MAX_FILE_SIZE)
    {
      g_autofree char *shown = hl_escape_text (name, -1, HL_ESCAPE_NONE);

      g_set_error (error, HL_NOTES_ERROR, HL_NOTES_ERROR_INVALID,
                   _("%s: the file is larger than the limit of %d MiB for notes"), shown,
                   (int) (HL_NOTES_MAX_FILE_SIZE >> 20));
      return NULL;
    }
  if (!g_file_load_contents (file, NULL, &data, &len, NULL, &local))
    {
      g_autofree char *shown = hl_escape_text (name, -1, HL_ESCAPE_NONE);

      g_set_error (error, HL_NOTES_ERROR, HL_NOTES_ERROR_IO, _("%s: could not read: %s"), shown,
                   local->message);
      return NULL;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&data), len);
  return hl_notes_new_from_bytes (bytes, name, error);
}
