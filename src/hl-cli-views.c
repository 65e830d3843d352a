/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line's notes and saved views (issue 11): --notes, --view,
 * --export-views, --image-format, --no-annotations, and the file names
 * --export-views gives its views. The rest of the command line is
 * hl-cli.c's (see hl-cli-private.h). */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <limits.h>
#include <string.h>

#include "hl-cli-private.h"
#include "hl-cli-views.h"
#include "hl-escape.h"

/* Room kept in a file name for "-N" after a collision. */
#define SUFFIX_ROOM 8

static void
cut_utf8 (GString *s, gsize max)
{
  if (s->len <= max)
    return;
  while (max > 0 && ((guchar) s->str[max] & 0xC0) == 0x80)
    max--;
  g_string_truncate (s, max);
}

/* A file name from a view's name: letters and digits of any script, "_",
 * "-" and inner dots kept, anything else (spaces, "/", control and bidi
 * characters) one "-"; within NAME_MAX bytes with its extension; "-2",
 * "-3"… when an earlier view took it (compared case-insensitively, as
 * some file systems do). */
char *
hl_cli_view_file_name (const char *name, const char *ext, GHashTable *taken)
{
  g_return_val_if_fail (name != NULL && ext != NULL && taken != NULL, NULL);

  g_autoptr(GString) s = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || c == '_' || (c == '.' && s->len > 0))
        g_string_append_unichar (s, c);
      else if (s->len > 0 && s->str[s->len - 1] != '-')
        g_string_append_c (s, '-');
    }
  while (s->len > 0 && (s->str[s->len - 1] == '-' || s->str[s->len - 1] == '.'))
    g_string_truncate (s, s->len - 1);
  if (s->len == 0)
    g_string_assign (s, "view");
  cut_utf8 (s, NAME_MAX - strlen (ext) - 1 - SUFFIX_ROOM);
  for (guint n = 1;; n++)
    {
      g_autofree char *file = n == 1 ? g_strdup_printf ("%s.%s", s->str, ext)
                                     : g_strdup_printf ("%s-%u.%s", s->str, n, ext);
      char *key = g_utf8_casefold (file, -1);

      if (!g_hash_table_contains (taken, key))
        {
          g_hash_table_add (taken, key);
          return g_steal_pointer (&file);
        }
      g_free (key);
    }
}

/* ------------------------------------------------------------------ */
/* The options */

/* The options of notes and views, after --analyze's in --help. */
void
_hl_cli_add_notes_entries (GOptionContext *context, HlCli *cli)
{
  const GOptionEntry entries[] = {
    { "view", 0, 0, G_OPTION_ARG_STRING, &cli->view_name,
      N_("Export the view saved under NAME in the notes file"), N_("NAME") },
    { "export-views", 0, 0, G_OPTION_ARG_FILENAME, &cli->export_views,
      N_("Write one chart per saved view into DIR and print each file's path"), N_("DIR") },
    { "image-format", 0, 0, G_OPTION_ARG_STRING, &cli->image_format,
      N_("Format of --export-views: png, svg or pdf (default png)"), N_("FORMAT") },
    { "notes", 0, 0, G_OPTION_ARG_FILENAME, &cli->notes_path,
      N_("Read annotations and views from FILE (default: DATASET.notes.json beside it)"),
      N_("FILE") },
    { "no-annotations", 0, 0, G_OPTION_ARG_NONE, &cli->no_annotations,
      N_("Leave out the annotations"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

/* The view --view names (or --export-views is at), or NULL. */
const HlSavedView *
_hl_cli_find_saved_view (HlCli *cli)
{
  int i;

  if (cli->notes == NULL || cli->view_name == NULL ||
      (i = hl_notes_find_view (cli->notes, cli->view_name)) < 0)
    return NULL;
  return g_ptr_array_index (cli->notes->views, i);
}

/* The notes' annotations (and the saved view, if any) onto @view. */
void
_hl_cli_apply_notes (HlCli *cli, HlDataset *dataset, HlView *view)
{
  const HlSavedView *saved = _hl_cli_find_saved_view (cli);

  if (saved != NULL)
    hl_saved_view_apply (saved, dataset, cli->notes, view);
  else if (cli->notes != NULL)
    view->annotations = hl_notes_ref_annotations (cli->notes);
  if (cli->no_annotations)
    view->show_annotations = FALSE;
}

/* Which of the notes options go together. Returns KEEP_GOING if they do. */
int
_hl_cli_check_notes_options (HlCli *cli)
{
  if (cli->export_views != NULL && cli->export_path != NULL)
    return _hl_cli_usage_error (_("--export-views and --export cannot be used together"));
  if (cli->export_views != NULL && cli->view_name != NULL)
    return _hl_cli_usage_error (_("--view and --export-views cannot be used together: "
                                  "--export-views writes every view"));
  if (cli->image_format != NULL && cli->export_views == NULL)
    return _hl_cli_usage_error (_("--image-format applies to --export-views; --export takes "
                                  "the format from the file's extension"));
  if (cli->export_views != NULL && cli->files && cli->files[0] && cli->files[1])
    return _hl_cli_usage_error (_("--export-views takes one DATASET, not several"));
  return KEEP_GOING;
}

/* Reads --notes=FILE, or the notes beside the dataset at @path (the
 * user's data folder for the bundled one). A notes file found by itself
 * that cannot be read is a warning: the chart is exported without notes,
 * unless @needed (a view was asked for). Returns KEEP_GOING or the exit code. */
int
_hl_cli_read_notes (HlCli *cli, HlDataset *dataset, const char *path, gboolean needed)
{
  g_autoptr(GFile) dataset_file = path != NULL ? g_file_new_for_commandline_arg (path) : NULL;
  g_autofree char *found = hl_notes_path_for_dataset (dataset_file);
  g_autoptr(GFile) file = cli->notes_path != NULL ? g_file_new_for_commandline_arg (cli->notes_path)
                                                  : g_file_new_for_path (found);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *prefix = g_strconcat ("heistline: ", _("warning: "), NULL);

  if (cli->notes_path == NULL && !g_file_query_exists (file, NULL))
    return KEEP_GOING;
  cli->notes = hl_notes_new_from_file (file, &error);
  if (cli->notes == NULL)
    {
      if (cli->notes_path != NULL || needed)
        {
          _hl_cli_print_error ("", error->message);
          return HL_EXIT_DATA;
        }
      _hl_cli_print_error (prefix, error->message);
      _hl_cli_print_error (prefix, _("exporting without the notes"));
      return KEEP_GOING;
    }
  g_free (cli->notes_read);
  cli->notes_read = g_file_get_path (file);
  problems = hl_notes_check (cli->notes, dataset, name);
  for (guint i = 0; i < problems->len; i++)
    _hl_cli_print_error (prefix, g_ptr_array_index (problems, i));
  return KEEP_GOING;
}

/* An unknown --view is a usage error that lists the views there are. */
int
_hl_cli_check_view_name (HlCli *cli)
{
  g_autofree char *list = NULL;

  if (cli->view_name == NULL || _hl_cli_find_saved_view (cli) != NULL)
    return KEEP_GOING;
  if (cli->notes == NULL || cli->notes->views->len == 0)
    return _hl_cli_usage_error (_("--view: no view “%s”: there are no saved views"),
                                cli->view_name);
  list = hl_notes_list_views (cli->notes);
  return _hl_cli_usage_error (_("--view: no view “%s”; the views are:\n%s"), cli->view_name,
                              list);
}

/* A saved view's own size, unless --size or --preset says otherwise. */
void
_hl_cli_saved_view_size (HlCli *cli, ExportSettings *es)
{
  const HlSavedView *saved = _hl_cli_find_saved_view (cli);
  const HlExportPreset *preset;

  if (saved == NULL || cli->size != NULL || cli->preset != NULL)
    return;
  if (saved->width > 0)
    {
      es->width = saved->width;
      es->height = saved->height;
    }
  else if (saved->preset != NULL && (preset = hl_export_find_preset (saved->preset)) != NULL)
    {
      es->width = preset->width;
      es->height = preset->height;
    }
  else if (saved->preset != NULL)
    {
      g_autofree char *prefix = g_strconcat ("heistline: ", _("warning: "), NULL);
      g_autofree char *msg = g_strdup_printf (_("view “%s”: “%s” is not one of slide-16x9, "
                                                "slide-4x3, hd, 4k, a4; using %dx%d"),
                                              saved->name, saved->preset, es->width,
                                              es->height);

      _hl_cli_print_error (prefix, msg);
    }
}

/* ------------------------------------------------------------------ */
/* --export-views */

/* Returns KEEP_GOING if the options of --export-views are good, else the exit code. */
static int
parse_views_options (HlCli *cli, ExportSettings *es)
{
  if (cli->image_format == NULL || g_str_equal (cli->image_format, "png"))
    es->format = HL_EXPORT_PNG;
  else if (g_str_equal (cli->image_format, "svg"))
    es->format = HL_EXPORT_SVG;
  else if (g_str_equal (cli->image_format, "pdf"))
    es->format = HL_EXPORT_PDF;
  else
    return _hl_cli_usage_error (_("--image-format: “%s” is not one of png, svg, pdf"),
                                cli->image_format);
  return _hl_cli_parse_settings (cli, es);
}

/* One view to @dir; prints the path written. Returns the exit code. */
static int
export_one_view (HlCli *cli, HlDataset *dataset, const ExportSettings *base,
                 const HlSavedView *saved, const char *dir, GHashTable *taken)
{
  ExportSettings es = *base;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDataset) shown_dataset = g_object_ref (dataset);
  HlView view;
  int status;

  /* the files the view shows beside the dataset */
  if ((status = _hl_cli_add_view_files (cli, saved, &shown_dataset)) != KEEP_GOING)
    return status;
  dataset = shown_dataset;
  cli->view_name = saved->name;   /* borrowed: set back before returning */
  _hl_cli_saved_view_size (cli, &es);
  status = _hl_cli_set_up_view (cli, &es, dataset, &view);
  cli->view_name = NULL;
  if (status != KEEP_GOING)
    return status;
  file = hl_cli_view_file_name (saved->name, hl_export_format_get_extension (es.format),
                                taken);
  path = g_build_filename (dir, file, NULL);
  status = HL_EXIT_OK;
  if (!hl_export_to_file_full (dataset, &view, es.format, es.width, es.height, cli->scale, path,
                               cli->force ? HL_ATOMIC_FILE_FLAGS_FORCE : HL_ATOMIC_FILE_FLAGS_NONE,
                               NULL, &error))
    {
      _hl_cli_print_error ("heistline: ", error->message);
      status = HL_EXIT_DATA;
    }
  else
    {
      shown = hl_escape_text (path, -1, HL_ESCAPE_NONE);
      g_print ("%s\n", shown);
    }
  hl_view_clear (&view);
  return status;
}

int
_hl_cli_run_export_views (HlCli *cli)
{
  ExportSettings es = { HL_EXPORT_PNG, DEFAULT_WIDTH, DEFAULT_HEIGHT, 0, 0, HL_THEME_LIGHT,
                        HL_BINS_AUTO, HL_MONEY_LINEAR };
  const char *path = cli->files && cli->files[0] ? cli->files[0] : NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(HlDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if ((status = _hl_cli_apply_export_locale (cli)) != KEEP_GOING ||
      (status = parse_views_options (cli, &es)) != KEEP_GOING)
    return status;
  if ((dataset = _hl_cli_load_shown (cli, path, &error)) == NULL)
    {
      _hl_cli_print_error ("", error->message);
      return HL_EXIT_DATA;
    }
  if ((status = _hl_cli_read_notes (cli, dataset, path, TRUE)) != KEEP_GOING)
    return status;
  if (cli->notes == NULL || cli->notes->views->len == 0)
    {
      _hl_cli_print_error ("heistline: ", cli->notes == NULL
                           ? _("--export-views: no notes file beside the dataset; name one "
                               "with --notes=FILE")
                           : _("--export-views: the notes file has no saved views"));
      return HL_EXIT_DATA;
    }
  if (g_mkdir_with_parents (cli->export_views, 0755) != 0)
    {
      g_autofree char *msg = g_strdup_printf ("%s: %s", cli->export_views, g_strerror (errno));

      _hl_cli_print_error ("heistline: ", msg);
      return HL_EXIT_DATA;
    }
  for (guint i = 0; i < cli->notes->views->len; i++)
    {
      int one = export_one_view (cli, dataset, &es, g_ptr_array_index (cli->notes->views, i),
                                 cli->export_views, taken);

      if (one != HL_EXIT_OK)
        status = one;
    }
  return status == KEEP_GOING ? HL_EXIT_OK : status;
}
