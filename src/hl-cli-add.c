/* SPDX-License-Identifier: GPL-3.0-or-later */
/* --add=FILE (issue 13): more files beside the dataset, in an export, a
 * saved view's export, an analysis and --validate's summary. */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-cli-private.h"
#include "hl-date.h"
#include "hl-escape.h"

gboolean
_hl_cli_has_added (HlCli *cli)
{
  return cli->add_files != NULL && cli->add_files[0] != NULL;
}

/* The dataset @path (NULL: the bundled one) and every --add file, composed
 * into one. A file that cannot be read or checked stops it: @error names
 * it, and nothing is shown. */
HlDataset *
_hl_cli_load_shown (HlCli *cli, const char *path, GError **error)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_object_unref);
  HlDataset *first = _hl_cli_load_dataset (cli, path, error);

  if (first == NULL)
    return NULL;
  g_ptr_array_add (parts, first);
  for (guint i = 0; cli->add_files != NULL && cli->add_files[i] != NULL; i++)
    {
      HlDataset *part = _hl_cli_load_dataset (cli, cli->add_files[i], error);

      if (part == NULL)
        return NULL;
      g_ptr_array_add (parts, part);
    }
  return hl_dataset_compose ((HlDataset *const *) parts->pdata, parts->len, error);
}

/* After --validate's line per file: what they make shown together, and
 * the ids renamed, from @parts (the files as read). "Together: valid, 52 events in 5 lanes (2017-03-01 to
 * 2024-01-30); lanes renamed: b:launches". Read by scripts: not
 * translated, like the line per file. */
int
_hl_cli_validate_together (HlCli *cli, GPtrArray *parts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDataset) shown = hl_dataset_compose ((HlDataset *const *) parts->pdata,
                                                   parts->len, &error);
  g_autoptr(GString) renamed = g_string_new (NULL);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *line = NULL;
  guint lane = 0, n_events;
  gint64 a, b;

  if (shown == NULL)
    {
      _hl_cli_print_error ("", error->message);
      return HL_EXIT_DATA;
    }
  for (guint p = 0; p < hl_dataset_get_n_parts (shown); p++)
    {
      HlDataset *part = hl_dataset_get_part (shown, p);

      for (guint i = 0; i < hl_dataset_get_n_lanes (part); i++, lane++)
        if (!g_str_equal (hl_dataset_get_lane (part, i)->id,
                          hl_dataset_get_lane (shown, lane)->id))
          g_string_append_printf (renamed, "%s%s", renamed->len ? ", " : "",
                                  hl_dataset_get_lane (shown, lane)->id);
    }
  if (hl_dataset_get_extent (shown, &a, &b))
    {
      first = hl_date_format_iso (a);
      last = hl_date_format_iso (b);
    }
  n_events = hl_dataset_get_n_events (shown);
  line = g_strdup_printf ("Together: valid, %u %s in %u lanes (%s to %s)%s%s", n_events,
                          n_events == 1 ? "event" : "events", hl_dataset_get_n_lanes (shown),
                          first ? first : "-", last ? last : "-",
                          renamed->len ? "; lanes renamed: " : "", renamed->str);
  {
    g_autofree char *escaped = hl_escape_text (line, -1, HL_ESCAPE_NONE);

    g_print ("%s\n", escaped);
  }
  return HL_EXIT_OK;
}

/* A saved view's "files" (issue 13), beside the files @dataset already
 * shows: *@dataset becomes their composition. A file the view names that
 * cannot be read stops the export with its name and the view's. Returns
 * KEEP_GOING or the exit code. */
int
_hl_cli_add_view_files (HlCli *cli, const HlSavedView *saved, HlDataset **dataset)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  HlDataset *composed;

  if (saved == NULL || saved->files == NULL || cli->notes_read == NULL)
    return KEEP_GOING;
  for (guint i = 0; i < hl_dataset_get_n_parts (*dataset); i++)
    g_ptr_array_add (parts, g_object_ref (hl_dataset_get_part (*dataset, i)));
  for (guint i = 0; saved->files[i] != NULL; i++)
    {
      g_autofree char *path = hl_saved_view_resolve_file (cli->notes_read, saved->files[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      gboolean shown = FALSE;
      HlDataset *part;

      for (guint k = 0; k < parts->len && !shown; k++)
        {
          GFile *known = hl_dataset_get_file (g_ptr_array_index (parts, k));

          shown = known != NULL && g_file_equal (known, file);
        }
      if (shown)
        continue;
      part = _hl_cli_load_dataset (cli, path, &error);
      if (part == NULL)
        {
          /* TRANSLATORS: a saved view names a file that cannot be read:
           * "view “Q4”: /data/b.json: cannot read: …" */
          g_autofree char *msg = g_strdup_printf (_("view “%s”: %s"), saved->name,
                                                  error->message);

          _hl_cli_print_error ("", msg);
          return HL_EXIT_DATA;
        }
      g_ptr_array_add (parts, part);
    }
  composed = hl_dataset_compose ((HlDataset *const *) parts->pdata, parts->len, &error);
  if (composed == NULL)
    {
      g_autofree char *msg = g_strdup_printf (_("view “%s”: %s"), saved->name, error->message);

      _hl_cli_print_error ("", msg);
      return HL_EXIT_DATA;
    }
  g_object_unref (*dataset);
  *dataset = composed;
  return KEEP_GOING;
}
