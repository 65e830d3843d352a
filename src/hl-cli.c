/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line. --export and --validate run without a display and never
 * touch GTK; anything else is handed to the application. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

#include "hl-chart.h"
#include "hl-cli.h"
#include "hl-cli-views.h"
#include "hl-dataset.h"
#include "hl-date.h"
#include "hl-describe.h"
#include "hl-escape.h"
#include "hl-export.h"
#include "hl-notes.h"
#include "hl-view.h"

/* The chart's size without --size or --preset, in pixels. */
#define DEFAULT_WIDTH  1920
#define DEFAULT_HEIGHT 1080

struct _HlCli
{
  char     *export_path;
  char     *size;
  char     *preset;
  char     *from;
  char     *to;
  char     *theme;
  char     *title;
  char     *subtitle;
  char     *lanes;
  int       scale;
  gboolean  validate;
  gboolean  version;
  gboolean  no_legend;
  gboolean  no_footnote;
  gboolean  no_periods;
  gboolean  cumulative;
  gboolean  force;
  char    **files;
  /* Notes and views (issue 11): see "Notes and views" below. */
  char     *view_name;
  char     *export_views;
  char     *image_format;
  char     *notes_path;
  gboolean  no_annotations;
  HlNotes  *notes;          /* read for the export, or NULL */
  HlLoadOptions load_options;
  gboolean  have_load_options;
};

HlCli *
hl_cli_new (void)
{
  HlCli *cli = g_new0 (HlCli, 1);

  cli->scale = 1;
  return cli;
}

void
hl_cli_free (HlCli *cli)
{
  g_free (cli->export_path);
  g_free (cli->size);
  g_free (cli->preset);
  g_free (cli->from);
  g_free (cli->to);
  g_free (cli->theme);
  g_free (cli->title);
  g_free (cli->subtitle);
  g_free (cli->lanes);
  g_strfreev (cli->files);
  g_free (cli->view_name);
  g_free (cli->export_views);
  g_free (cli->image_format);
  g_free (cli->notes_path);
  g_clear_pointer (&cli->notes, hl_notes_free);
  g_free (cli);
}

/* The options of notes and views (issue 11), after --cumulative in --help. */
static void
add_notes_entries (GOptionContext *context, HlCli *cli)
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

/* Parses the options. Returns FALSE when the process should exit now with
 * *exit_code (--help, --version, or a usage error already printed). */
gboolean
hl_cli_parse (HlCli *cli, int *argc, char ***argv, int *exit_code)
{
  const GOptionEntry entries[] = {
    { "export", 'e', 0, G_OPTION_ARG_FILENAME, &cli->export_path,
      N_("Write the chart to FILE (.png, .svg or .pdf) without opening a window"), N_("FILE") },
    { "size", 's', 0, G_OPTION_ARG_STRING, &cli->size,
      N_("Chart size in pixels (default 1920x1080)"), N_("WxH") },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &cli->preset,
      N_("Size preset: slide-16x9, slide-4x3, hd, 4k or a4"), N_("NAME") },
    { "scale", 0, 0, G_OPTION_ARG_INT, &cli->scale,
      N_("Pixel scale of a PNG: 1, 2 or 3"), N_("N") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &cli->from,
      N_("First day shown (default: the dataset's range)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &cli->to,
      N_("Last day shown"), N_("YYYY-MM-DD") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &cli->theme,
      N_("light, dark or transparent"), N_("THEME") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &cli->title,
      N_("Chart title (default: the dataset's title)"), N_("TEXT") },
    { "subtitle", 0, 0, G_OPTION_ARG_STRING, &cli->subtitle,
      N_("Chart subtitle (default: the range and totals)"), N_("TEXT") },
    { "lanes", 0, 0, G_OPTION_ARG_STRING, &cli->lanes,
      N_("Lanes to show, by id, separated by commas"), N_("ID,ID") },
    { "no-legend", 0, 0, G_OPTION_ARG_NONE, &cli->no_legend, N_("Leave out the legend"), NULL },
    { "no-footnote", 0, 0, G_OPTION_ARG_NONE, &cli->no_footnote,
      N_("Leave out the source footnote"), NULL },
    { "no-periods", 0, 0, G_OPTION_ARG_NONE, &cli->no_periods,
      N_("Leave out the period bands"), NULL },
    { "cumulative", 0, 0, G_OPTION_ARG_NONE, &cli->cumulative,
      N_("Draw the running total of the money lanes"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &cli->force,
      N_("Replace OUT even if it is read-only"), NULL },
    { "validate", 0, 0, G_OPTION_ARG_NONE, &cli->validate,
      N_("Check DATASET and list its problems"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &cli->version, N_("Show the version"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &cli->files, NULL,
      N_("[DATASET…]") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context,
    _("Dated events from the lanes of a dataset on one time axis.\n\n"
      "With no option, opens DATASET (or the bundled dataset of crypto heists and "
      "missile launches) in a window."));
  g_option_context_set_description (context,
    _("Exit status: 0 success, 1 bad data or I/O error, 2 bad usage."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_notes_entries (context, cli);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_autofree char *shown = hl_escape_text (error->message, -1, HL_ESCAPE_NONE);

      g_printerr ("heistline: %s\n", shown);
      g_printerr (_("Try “heistline --help” for more information.\n"));
      *exit_code = HL_EXIT_USAGE;
      return FALSE;
    }
  if (cli->version)
    {
      g_print ("heistline %s\n", PACKAGE_VERSION);
      *exit_code = HL_EXIT_OK;
      return FALSE;
    }
  return TRUE;
}

/* The first option given that only means something with --export. */
static const char *
export_only_option (HlCli *cli)
{
  if (cli->size != NULL)
    return "--size";
  if (cli->preset != NULL)
    return "--preset";
  if (cli->scale != 1)
    return "--scale";
  if (cli->theme != NULL)
    return "--theme";
  if (cli->title != NULL)
    return "--title";
  if (cli->subtitle != NULL)
    return "--subtitle";
  if (cli->lanes != NULL)
    return "--lanes";
  if (cli->from != NULL)
    return "--from";
  if (cli->to != NULL)
    return "--to";
  if (cli->no_legend)
    return "--no-legend";
  if (cli->no_footnote)
    return "--no-footnote";
  if (cli->no_periods)
    return "--no-periods";
  if (cli->cumulative)
    return "--cumulative";
  if (cli->force)
    return "--force";
  if (cli->view_name != NULL)
    return "--view";
  if (cli->notes_path != NULL)
    return "--notes";
  if (cli->no_annotations)
    return "--no-annotations";
  if (cli->image_format != NULL)
    return "--image-format";
  return NULL;
}

/* Export options without --export are a mistake to report, not a window
 * to open: that is decided here too, with no display. */
gboolean
hl_cli_is_headless (HlCli *cli)
{
  return cli->export_path != NULL || cli->export_views != NULL || cli->validate ||
         export_only_option (cli) != NULL;
}

char **
hl_cli_get_files (HlCli *cli)
{
  return cli->files;
}

/* Prints @message to stderr: its lines as they are, but nothing in them
 * that a terminal would act on (paths, ids and values come from users and
 * files: "\x1b", "\u202e" instead). */
static void
print_error (const char *prefix, const char *message)
{
  g_autofree char *shown = hl_escape_text (message, -1, HL_ESCAPE_KEEP_NEWLINES);

  g_printerr ("%s%s\n", prefix, shown);
}

static int G_GNUC_PRINTF (1, 2)
usage_error (const char *format, ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  print_error ("heistline: ", msg);
  return HL_EXIT_USAGE;
}

/* The limits for this run, from the environment, read when the first file
 * is: a warning about them comes once, and only if a file is read. */
static const HlLoadOptions *
get_load_options (HlCli *cli)
{
  g_autoptr(GError) error = NULL;

  if (!cli->have_load_options &&
      !hl_load_options_init_from_env (&cli->load_options, &error))
    print_error ("heistline: ", error->message);
  cli->have_load_options = TRUE;
  return &cli->load_options;
}

static HlDataset *
load_dataset (HlCli *cli, const char *path, GError **error)
{
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    return hl_dataset_new_bundled ();
  file = g_file_new_for_commandline_arg (path);
  return hl_dataset_new_from_file_full (file, get_load_options (cli), NULL, error);
}

/* "FILE: valid, 35 events in 3 lanes (2023-05-31 to 2024-01-30)", in
 * words that fit any dataset. */
static void
print_valid (const char *path, HlDataset *dataset)
{
  guint n_lanes = hl_dataset_get_n_lanes (dataset);
  g_autofree char *events = hl_describe_events (hl_dataset_get_n_events (dataset));
  g_autofree char *lanes = g_strdup_printf (ngettext ("%u lane", "%u lanes", n_lanes), n_lanes);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *shown = hl_escape_text (path, -1, HL_ESCAPE_NONE);
  gint64 a, b;

  if (hl_dataset_get_extent (dataset, &a, &b))
    {
      first = hl_date_format_iso (a);
      last = hl_date_format_iso (b);
    }
  /* TRANSLATORS: file, "35 events", "3 lanes", first and last date */
  g_print (_("%s: valid, %s in %s (%s to %s)\n"), shown, events, lanes,
           first ? first : "-", last ? last : "-");
}

static int
run_validate (HlCli *cli)
{
  int status = HL_EXIT_OK;

  if (cli->files == NULL || cli->files[0] == NULL)
    return usage_error (_("--validate needs a DATASET file"));

  for (guint i = 0; cli->files[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HlDataset) dataset = load_dataset (cli, cli->files[i], &error);

      if (dataset == NULL)
        {
          print_error ("", error->message);
          status = HL_EXIT_DATA;
          continue;
        }
      print_valid (cli->files[i], dataset);
    }
  return status;
}

static gboolean
parse_size (const char *text, int *w, int *h)
{
  char *end = NULL;
  gint64 a, b;

  a = g_ascii_strtoll (text, &end, 10);
  if (end == text || (*end != 'x' && *end != 'X'))
    return FALSE;
  text = end + 1;
  b = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0')
    return FALSE;
  if (a < 64 || b < 64 || a > 16384 || b > 16384)
    return FALSE;
  *w = (int) a;
  *h = (int) b;
  return TRUE;
}

static gboolean
parse_day (const char *text, gint64 *day_start)
{
  gint64 t;
  gboolean date_only;

  if (!hl_date_parse (text, &t, &date_only, NULL) || !date_only)
    return FALSE;
  *day_start = hl_date_floor_day (t);
  return TRUE;
}

/* What the steps of --export return when none of them has failed; an
 * exit code otherwise. */
#define KEEP_GOING (-1)

/* What --export draws, from the options, before any file is read. */
typedef struct
{
  HlExportFormat format;
  int            width;
  int            height;
  gint64         from;    /* the first day's start, if --from */
  gint64         to;      /* the last day's start, if --to */
  HlTheme        theme;
} ExportSettings;

/* Returns KEEP_GOING if --theme is good (or absent), else the exit code. */
static int
parse_theme (HlCli *cli, ExportSettings *es)
{
  if (cli->theme == NULL)
    return KEEP_GOING;
  if (g_str_equal (cli->theme, "light"))
    es->theme = HL_THEME_LIGHT;
  else if (g_str_equal (cli->theme, "dark"))
    es->theme = HL_THEME_DARK;
  else if (g_str_equal (cli->theme, "transparent"))
    es->theme = HL_THEME_TRANSPARENT;
  else
    return usage_error (_("--theme: “%s” is not one of light, dark, transparent"),
                        cli->theme);
  if (es->theme == HL_THEME_TRANSPARENT && es->format == HL_EXPORT_PDF)
    return usage_error (_("--theme: transparent applies to PNG and SVG only"));
  return KEEP_GOING;
}

/* --preset, --size and --scale. Returns KEEP_GOING if good, else the exit code. */
static int
parse_export_size (HlCli *cli, ExportSettings *es)
{
  if (cli->preset != NULL)
    {
      const HlExportPreset *preset = hl_export_find_preset (cli->preset);

      if (preset == NULL)
        return usage_error (_("--preset: “%s” is not one of slide-16x9, slide-4x3, hd, 4k, "
                              "a4"), cli->preset);
      if (cli->size != NULL)
        return usage_error (_("--size and --preset cannot be used together"));
      es->width = preset->width;
      es->height = preset->height;
    }
  if (cli->size != NULL && !parse_size (cli->size, &es->width, &es->height))
    return usage_error (_("--size: “%s” is not WIDTHxHEIGHT between 64 and 16384"), cli->size);
  if (cli->scale < 1 || cli->scale > 3)
    return usage_error (_("--scale: must be 1, 2 or 3"));
  if (cli->scale != 1 && es->format != HL_EXPORT_PNG)
    return usage_error (_("--scale applies to PNG only"));
  if (es->format == HL_EXPORT_PNG && (es->width * cli->scale > HL_EXPORT_MAX_PIXELS ||
                                      es->height * cli->scale > HL_EXPORT_MAX_PIXELS))
    return usage_error (_("--scale: %dx%d at %dx is larger than a PNG can be (%d pixels a side)"),
                        es->width, es->height, cli->scale, HL_EXPORT_MAX_PIXELS);
  return KEEP_GOING;
}

/* Usage first: a bad option is reported before any file is read.
 * Returns KEEP_GOING if the options are good, else the exit code. */
static int
parse_export_options (HlCli *cli, ExportSettings *es)
{
  int status;

  if (!hl_export_format_from_path (cli->export_path, &es->format))
    return usage_error (_("--export: “%s” has no known extension (use .png, .svg or .pdf)"),
                        cli->export_path);
  if (cli->files && cli->files[0] && cli->files[1])
    return usage_error (_("--export takes one DATASET, not several"));
  if ((status = parse_export_size (cli, es)) != KEEP_GOING)
    return status;
  if (cli->from != NULL && !parse_day (cli->from, &es->from))
    return usage_error (_("--from: “%s” is not a date YYYY-MM-DD"), cli->from);
  if (cli->to != NULL && !parse_day (cli->to, &es->to))
    return usage_error (_("--to: “%s” is not a date YYYY-MM-DD"), cli->to);
  return parse_theme (cli, es);
}

/* --from and --to within the dataset. Returns KEEP_GOING if good, else the exit code. */
static int
set_view_range (HlCli *cli, const ExportSettings *es, HlView *view)
{
  if (cli->from != NULL)
    view->from = es->from;
  if (cli->to != NULL)
    view->to = es->to + HL_SECONDS_PER_DAY;
  if (view->to > view->from)
    {
      /* kept as asked: the view cuts only at the format's own limits */
      hl_view_set_range (view, view->from, view->to);
      return KEEP_GOING;
    }
  if (cli->to == NULL)
    return usage_error (_("--from: “%s” is after the end of the dataset's range: "
                          "give --to as well"), cli->from);
  if (cli->from == NULL)
    return usage_error (_("--to: “%s” is before the start of the dataset's range: "
                          "give --from as well"), cli->to);
  return usage_error (_("--to must not come before --from"));
}

/* --lanes. Returns KEEP_GOING if good, else the exit code. */
static int
set_view_lanes (HlCli *cli, HlDataset *dataset, HlView *view)
{
  g_auto(GStrv) ids = NULL;

  if (cli->lanes == NULL)
    return KEEP_GOING;
  ids = g_strsplit (cli->lanes, ",", -1);
  if (ids[0] == NULL)
    return usage_error (_("--lanes: name at least one lane"));
  view->hidden_lanes = 0xffffffff;
  for (guint i = 0; ids[i] != NULL; i++)
    {
      int lane = hl_dataset_find_lane (dataset, g_strstrip (ids[i]));

      if (lane < 0)
        return usage_error (_("--lanes: the dataset has no lane “%s”"), ids[i]);
      view->hidden_lanes &= ~(1u << lane);
    }
  return KEEP_GOING;
}

/* ------------------------------------------------------------------ */
/* Notes and views (issue 11): --notes, --view, --export-views,
 * --image-format, --no-annotations. */

/* The view --view names (or --export-views is at), or NULL. */
static const HlSavedView *
find_saved_view (HlCli *cli)
{
  int i;

  if (cli->notes == NULL || cli->view_name == NULL ||
      (i = hl_notes_find_view (cli->notes, cli->view_name)) < 0)
    return NULL;
  return g_ptr_array_index (cli->notes->views, i);
}

/* The notes' annotations (and the saved view, if any) onto @view. */
static void
apply_notes (HlCli *cli, HlDataset *dataset, HlView *view)
{
  const HlSavedView *saved = find_saved_view (cli);

  if (saved != NULL)
    hl_saved_view_apply (saved, dataset, cli->notes, view);
  else if (cli->notes != NULL)
    view->annotations = hl_notes_ref_annotations (cli->notes);
  if (cli->no_annotations)
    view->show_annotations = FALSE;
}

/* Which of the notes options go together. Returns KEEP_GOING if they do. */
static int
check_notes_options (HlCli *cli)
{
  if (cli->export_views != NULL && cli->export_path != NULL)
    return usage_error (_("--export-views and --export cannot be used together"));
  if (cli->export_views != NULL && cli->view_name != NULL)
    return usage_error (_("--view and --export-views cannot be used together: "
                          "--export-views writes every view"));
  if (cli->image_format != NULL && cli->export_views == NULL)
    return usage_error (_("--image-format applies to --export-views; --export takes the format "
                          "from the file's extension"));
  if (cli->export_views != NULL && cli->files && cli->files[0] && cli->files[1])
    return usage_error (_("--export-views takes one DATASET, not several"));
  return KEEP_GOING;
}

/* Reads --notes=FILE, or the notes beside the dataset at @path (the
 * user's data folder for the bundled one). A notes file found by itself
 * that cannot be read is a warning: the chart is exported without notes,
 * unless @needed (a view was asked for). Returns KEEP_GOING or the exit code. */
static int
read_notes (HlCli *cli, HlDataset *dataset, const char *path, gboolean needed)
{
  g_autoptr(GFile) dataset_file = path != NULL ? g_file_new_for_commandline_arg (path) : NULL;
  g_autofree char *found = hl_notes_path_for_dataset (dataset_file);
  g_autoptr(GFile) file = cli->notes_path != NULL ? g_file_new_for_commandline_arg (cli->notes_path)
                                                  : g_file_new_for_path (found);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);

  if (cli->notes_path == NULL && !g_file_query_exists (file, NULL))
    return KEEP_GOING;
  cli->notes = hl_notes_new_from_file (file, &error);
  if (cli->notes == NULL)
    {
      g_autofree char *prefix = g_strconcat ("heistline: ", _("warning: "), NULL);

      if (cli->notes_path != NULL || needed)
        {
          print_error ("", error->message);
          return HL_EXIT_DATA;
        }
      print_error (prefix, error->message);
      print_error (prefix, _("exporting without the notes"));
      return KEEP_GOING;
    }
  problems = hl_notes_check (cli->notes, dataset, name);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *prefix = g_strconcat ("heistline: ", _("warning: "), NULL);

      print_error (prefix, g_ptr_array_index (problems, i));
    }
  return KEEP_GOING;
}

/* An unknown --view is a usage error that lists the views there are. */
static int
check_view_name (HlCli *cli)
{
  g_autofree char *list = NULL;

  if (cli->view_name == NULL || find_saved_view (cli) != NULL)
    return KEEP_GOING;
  if (cli->notes == NULL || cli->notes->views->len == 0)
    return usage_error (_("--view: no view “%s”: there are no saved views"), cli->view_name);
  list = hl_notes_list_views (cli->notes);
  return usage_error (_("--view: no view “%s”; the views are:\n%s"), cli->view_name, list);
}

/* A saved view's own size, unless --size or --preset says otherwise. */
static void
saved_view_size (HlCli *cli, ExportSettings *es)
{
  const HlSavedView *saved = find_saved_view (cli);
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

      print_error (prefix, msg);
    }
}

/* Returns KEEP_GOING if the view is set, else the exit code (@view cleared). */
static int
set_up_view (HlCli *cli, const ExportSettings *es, HlDataset *dataset, HlView *view)
{
  const HlSavedView *saved = find_saved_view (cli);
  int status;

  hl_view_init (view, dataset);
  apply_notes (cli, dataset, view);
  if (cli->theme != NULL || saved == NULL || !saved->has_theme)
    view->theme = es->theme;
  if ((status = set_view_range (cli, es, view)) != KEEP_GOING ||
      (status = set_view_lanes (cli, dataset, view)) != KEEP_GOING)
    {
      hl_view_clear (view);
      return status;
    }
  if (cli->title != NULL || view->title == NULL)
    {
      g_free (view->title);
      view->title = g_strdup (cli->title);
    }
  view->subtitle = g_strdup (cli->subtitle);
  view->show_legend = !cli->no_legend;
  view->show_footnote = !cli->no_footnote;
  view->show_periods = !cli->no_periods;
  view->show_cumulative = cli->cumulative;
  return KEEP_GOING;
}

static int
run_export (HlCli *cli)
{
  g_autoptr(HlDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  ExportSettings es = { HL_EXPORT_PNG, DEFAULT_WIDTH, DEFAULT_HEIGHT, 0, 0, HL_THEME_LIGHT };
  const char *path = cli->files && cli->files[0] ? cli->files[0] : NULL;
  HlView view;
  int status;

  if ((status = parse_export_options (cli, &es)) != KEEP_GOING)
    return status;

  dataset = load_dataset (cli, path, &error);
  if (dataset == NULL)
    {
      print_error ("", error->message);
      return HL_EXIT_DATA;
    }
  if ((status = read_notes (cli, dataset, path, cli->view_name != NULL)) != KEEP_GOING ||
      (status = check_view_name (cli)) != KEEP_GOING)
    return status;
  saved_view_size (cli, &es);
  if ((status = set_up_view (cli, &es, dataset, &view)) != KEEP_GOING)
    return status;
  /* All boxes is still a chart, but not one to send without a word. */
  if (!hl_chart_check_fonts (&error))
    {
      g_autofree char *prefix = g_strconcat ("heistline: ", _("warning: "), NULL);

      print_error (prefix, error->message);
      g_clear_error (&error);
    }

  status = HL_EXIT_OK;
  if (!hl_export_to_file_full (dataset, &view, es.format, es.width, es.height, cli->scale,
                               cli->export_path,
                               cli->force ? HL_ATOMIC_FILE_FLAGS_FORCE : HL_ATOMIC_FILE_FLAGS_NONE,
                               NULL, &error))
    {
      print_error ("heistline: ", error->message);
      status = HL_EXIT_DATA;
    }
  hl_view_clear (&view);
  return status;
}

/* ------------------------------------------------------------------ */
/* --export-views (issue 11) */

/* Returns KEEP_GOING if the options of --export-views are good, else the exit code. */
static int
parse_views_options (HlCli *cli, ExportSettings *es)
{
  int status;

  if (cli->image_format == NULL || g_str_equal (cli->image_format, "png"))
    es->format = HL_EXPORT_PNG;
  else if (g_str_equal (cli->image_format, "svg"))
    es->format = HL_EXPORT_SVG;
  else if (g_str_equal (cli->image_format, "pdf"))
    es->format = HL_EXPORT_PDF;
  else
    return usage_error (_("--image-format: “%s” is not one of png, svg, pdf"),
                        cli->image_format);
  if ((status = parse_export_size (cli, es)) != KEEP_GOING)
    return status;
  if (cli->from != NULL && !parse_day (cli->from, &es->from))
    return usage_error (_("--from: “%s” is not a date YYYY-MM-DD"), cli->from);
  if (cli->to != NULL && !parse_day (cli->to, &es->to))
    return usage_error (_("--to: “%s” is not a date YYYY-MM-DD"), cli->to);
  return parse_theme (cli, es);
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
  HlView view;
  int status;

  cli->view_name = saved->name;   /* borrowed: set back before returning */
  saved_view_size (cli, &es);
  status = set_up_view (cli, &es, dataset, &view);
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
      print_error ("heistline: ", error->message);
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

static int
run_export_views (HlCli *cli)
{
  ExportSettings es = { HL_EXPORT_PNG, DEFAULT_WIDTH, DEFAULT_HEIGHT, 0, 0, HL_THEME_LIGHT };
  const char *path = cli->files && cli->files[0] ? cli->files[0] : NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(HlDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if ((status = parse_views_options (cli, &es)) != KEEP_GOING)
    return status;
  if ((dataset = load_dataset (cli, path, &error)) == NULL)
    {
      print_error ("", error->message);
      return HL_EXIT_DATA;
    }
  if ((status = read_notes (cli, dataset, path, TRUE)) != KEEP_GOING)
    return status;
  if (cli->notes == NULL || cli->notes->views->len == 0)
    {
      print_error ("heistline: ", cli->notes == NULL
                   ? _("--export-views: no notes file beside the dataset; name one with "
                       "--notes=FILE")
                   : _("--export-views: the notes file has no saved views"));
      return HL_EXIT_DATA;
    }
  if (g_mkdir_with_parents (cli->export_views, 0755) != 0)
    {
      g_autofree char *msg = g_strdup_printf ("%s: %s", cli->export_views, g_strerror (errno));

      print_error ("heistline: ", msg);
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

int
hl_cli_run (HlCli *cli)
{
  int status;

  if (cli->validate && (cli->export_path != NULL || cli->export_views != NULL))
    return usage_error (_("--validate and --export cannot be used together"));
  if ((status = check_notes_options (cli)) != KEEP_GOING)
    return status;
  if (cli->export_path == NULL && cli->export_views == NULL && export_only_option (cli) != NULL)
    return usage_error (_("%s needs --export=FILE"), export_only_option (cli));
  if (cli->validate)
    return run_validate (cli);
  if (cli->export_views != NULL)
    return run_export_views (cli);
  return run_export (cli);
}
