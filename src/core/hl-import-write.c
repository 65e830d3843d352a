/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An import's good rows as a heistline-dataset/1 (hl-import.h): written
 * by json-glib's generator, saved through HlAtomicFile, and read back by
 * the loader itself, so what is shown is what "Save as dataset" writes. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "hl-import-private.h"

G_DEFINE_QUARK (hl-import-error-quark, hl_import_error)

static void
add_string (JsonBuilder *b, const char *member, const char *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, value);
}

static void
add_event (JsonBuilder *b, HlImportResult *result, const HlImportEvent *e)
{
  g_autofree char *id = g_strdup_printf ("row-%u", e->row);

  json_builder_begin_object (b);
  add_string (b, "id", id);
  add_string (b, "lane", result->lanes->pdata[e->lane]);
  add_string (b, "date", e->date);
  add_string (b, "end", e->end);
  add_string (b, "title", e->title);
  if (e->has_usd)
    {
      json_builder_set_member_name (b, "usd");
      if (e->usd == (double) (gint64) e->usd)
        json_builder_add_int_value (b, (gint64) e->usd);
      else
        json_builder_add_double_value (b, e->usd);
    }
  else if (e->usd_unknown)
    {
      json_builder_set_member_name (b, "usd");
      json_builder_add_null_value (b);
    }
  if (e->count > 0)
    {
      json_builder_set_member_name (b, "count");
      json_builder_add_int_value (b, e->count);
    }
  add_string (b, "kind", e->kind);
  add_string (b, "actor", e->actor);
  add_string (b, "confidence", e->confidence);
  add_string (b, "notes", e->notes);
  if (e->url != NULL)
    {
      json_builder_set_member_name (b, "sources");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      add_string (b, "url", e->url);
      add_string (b, "title", e->source);
      json_builder_end_object (b);
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
}

static void
add_lanes (JsonBuilder *b, HlImportResult *result)
{
  json_builder_set_member_name (b, "lanes");
  json_builder_begin_array (b);
  for (guint i = 0; i < result->lanes->len; i++)
    {
      json_builder_begin_object (b);
      add_string (b, "id", result->lanes->pdata[i]);
      add_string (b, "title", result->lanes->pdata[i]);
      add_string (b, "measure", result->measure == HL_MEASURE_USD ? "usd"
                                : result->measure == HL_MEASURE_SPAN ? "span" : "count");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static char *
to_json (HlImportResult *result, gboolean pretty, gsize *length)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *description = NULL;

  json_builder_begin_object (b);
  add_string (b, "format", HL_DATASET_FORMAT);
  add_string (b, "title", result->title);
  /* TRANSLATORS: the file a dataset was imported from */
  description = g_strdup_printf (_("Imported from %s"), result->name);
  add_string (b, "description", description);
  add_lanes (b, result);
  json_builder_set_member_name (b, "events");
  json_builder_begin_array (b);
  for (guint i = 0; i < result->events->len; i++)
    add_event (b, result, &g_array_index (result->events, HlImportEvent, i));
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, pretty);
  json_generator_set_indent (gen, 2);
  return json_generator_to_data (gen, length);
}

/* The good rows as the text of a dataset file (pretty, UTF-8). */
char *
hl_import_result_to_json (HlImportResult *result, gsize *length)
{
  g_return_val_if_fail (result != NULL, NULL);
  return to_json (result, TRUE, length);
}

/* Writes the good rows to @path as a dataset, atomically. */
gboolean
hl_import_result_save (HlImportResult *result, const char *path, HlAtomicFileFlags flags,
                       GError **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  g_return_val_if_fail (result != NULL && path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = hl_import_result_to_json (result, &length);
  return hl_atomic_file_replace_contents (path, text, length, flags, error);
}

/* The good rows as a dataset, through the loader. @name: for messages. */
HlDataset *
hl_import_result_to_dataset (HlImportResult *result, const char *name, GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  char *text;
  gsize length = 0;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* compact: a third less to parse than the file Save writes */
  text = to_json (result, FALSE, &length);
  bytes = g_bytes_new_take (text, length);
  return hl_dataset_new_from_bytes (bytes, name ? name : result->name, NULL, error);
}
