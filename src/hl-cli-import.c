/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line's import: --import=FILE.csv … --output=OUT.json turns a
 * spreadsheet into a dataset with no display. Its options are their own
 * group (heistline --help-import). Bad rows are listed by row and column,
 * the exit status is 1 and nothing is written. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hl-cli-import.h"
#include "hl-cli.h"
#include "hl-escape.h"
#include "hl-import.h"

struct _HlCliImport
{
  char     *import_path;
  char     *map;
  char     *lane;
  char     *measure;
  char     *date_format;
  char     *delimiter;
  char     *decimal;
  char     *zone;
  char     *output;
};

HlCliImport *
hl_cli_import_new (void)
{
  return g_new0 (HlCliImport, 1);
}

void
hl_cli_import_free (HlCliImport *imp)
{
  if (imp == NULL)
    return;
  g_free (imp->import_path);
  g_free (imp->map);
  g_free (imp->lane);
  g_free (imp->measure);
  g_free (imp->date_format);
  g_free (imp->delimiter);
  g_free (imp->decimal);
  g_free (imp->zone);
  g_free (imp->output);
  g_free (imp);
}

GOptionGroup *
hl_cli_import_option_group (HlCliImport *imp)
{
  const GOptionEntry entries[] = {
    { "import", 0, 0, G_OPTION_ARG_FILENAME, &imp->import_path,
      N_("Turn a spreadsheet (.csv or .tsv) into a dataset, with no window"), N_("FILE") },
    { "map", 0, 0, G_OPTION_ARG_STRING, &imp->map,
      N_("Which column gives each field, e.g. date:Date,title:Name,usd:Loss "
         "(fields: date, end, title, usd, count, lane, kind, actor, confidence, url, source, "
         "notes)"), N_("FIELD:COLUMN,…") },
    { "import-lane", 0, 0, G_OPTION_ARG_STRING, &imp->lane,
      N_("Put every row in the lane ID (default: a lane column, or the file’s name)"), N_("ID") },
    { "import-measure", 0, 0, G_OPTION_ARG_STRING, &imp->measure,
      N_("What the lane measures: usd, count or span (span: events that last, no amount "
         "column; default: usd if a column gives amounts, else count)"), N_("MEASURE") },
    { "date-format", 0, 0, G_OPTION_ARG_STRING, &imp->date_format,
      N_("How dates are written: iso, dmy, mdy or ymd (default: guessed)"), N_("FORMAT") },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &imp->delimiter,
      N_("The delimiter: , ; | or tab (default: detected)"), N_("CHAR") },
    { "decimal", 0, 0, G_OPTION_ARG_STRING, &imp->decimal,
      N_("The decimal separator of amounts: . or , (default: guessed)"), N_("CHAR") },
    { "zone", 0, 0, G_OPTION_ARG_STRING, &imp->zone,
      N_("The UTC offset of date-times written without one, e.g. +09:00"), N_("OFFSET") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &imp->output,
      N_("Where --import writes the dataset (.json)"), N_("OUT") },
    { NULL }
  };
  GOptionGroup *group = g_option_group_new ("import", _("Import options:"),
                                            _("Show the options of --import"), imp, NULL);

  g_option_group_add_entries (group, entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  return group;
}

gboolean
hl_cli_import_is_requested (HlCliImport *imp)
{
  return imp->import_path != NULL || imp->output != NULL || imp->map != NULL ||
         imp->lane != NULL || imp->measure != NULL || imp->date_format != NULL || imp->delimiter != NULL ||
         imp->decimal != NULL || imp->zone != NULL;
}

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

#define KEEP_GOING (-1)

/* --delimiter, --decimal, --date-format, --zone, --import-lane, before the
 * file is read. Returns KEEP_GOING if good, else the exit code. */
static int
parse_options (HlCliImport *imp, HlImportOptions *options, char *delimiter)
{
  if (imp->import_path == NULL)
    return usage_error (_("%s needs --import=FILE"), imp->output ? "--output" : "--map");
  if (imp->output == NULL)
    return usage_error (_("--import needs --output=OUT.json"));
  *delimiter = 0;
  if (imp->delimiter != NULL)
    {
      if (g_str_equal (imp->delimiter, "tab") || g_str_equal (imp->delimiter, "\\t") ||
          g_str_equal (imp->delimiter, "\t"))
        *delimiter = '\t';
      else if (strlen (imp->delimiter) == 1 && strchr (",;|", imp->delimiter[0]))
        *delimiter = imp->delimiter[0];
      else
        return usage_error (_("--delimiter: “%s” is not one of , ; | tab"), imp->delimiter);
    }
  if (imp->decimal != NULL && !g_str_equal (imp->decimal, ".") &&
      !g_str_equal (imp->decimal, ","))
    return usage_error (_("--decimal: “%s” is not . or ,"), imp->decimal);
  if (imp->date_format != NULL &&
      !hl_import_date_format_from_name (imp->date_format, &options->date_format))
    return usage_error (_("--date-format: “%s” is not one of iso, dmy, mdy, ymd"),
                        imp->date_format);
  if (imp->zone != NULL && !hl_import_set_zone (options, imp->zone))
    return usage_error (_("--zone: “%s” is not a UTC offset such as +09:00 or Z"), imp->zone);
  if (imp->lane != NULL && *g_strstrip (imp->lane) == '\0')
    return usage_error (_("--import-lane: the lane needs a name"));
  if (imp->measure != NULL)
    {
      static const char * const names[] = { "usd", "count", "span" };
      guint i = 0;

      while (i < G_N_ELEMENTS (names) && !g_str_equal (imp->measure, names[i]))
        i++;
      if (i == G_N_ELEMENTS (names))
        return usage_error (_("--import-measure: “%s” is not one of usd, count, span"),
                            imp->measure);
      options->has_measure = TRUE;
      options->measure = i == 0 ? HL_MEASURE_USD : i == 1 ? HL_MEASURE_COUNT : HL_MEASURE_SPAN;
    }
  return KEEP_GOING;
}

static HlCsvTable *
read_table (HlCliImport *imp, char delimiter, const char *shown, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (imp->import_path);
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, error))
    return NULL;
  return hl_csv_parse (data, length, delimiter, shown, error);
}

/* The mapping: guessed, then --map, then the formats guessed for those
 * columns unless given. Returns KEEP_GOING if good, else the exit code. */
static char *title_from_path (const char *path);

static int
set_mapping (HlCliImport *imp, HlCsvTable *table, HlImportOptions *options, const char *shown)
{
  g_autoptr(GError) error = NULL;
  gboolean ambiguous = FALSE;
  HlImportDateFormat guessed;

  options->has_header = hl_import_guess_header (table);
  hl_import_guess_columns (table, options);
  /* a span lane has no amount: a column guessed for one is not taken */
  if (options->has_measure && options->measure == HL_MEASURE_SPAN)
    options->column[HL_IMPORT_FIELD_USD] = options->column[HL_IMPORT_FIELD_COUNT] = -1;
  if (imp->map != NULL && !hl_import_mapping_from_string (table, imp->map, options, &error))
    return usage_error ("--map: %s", error->message);
  if (imp->lane != NULL)
    {
      options->column[HL_IMPORT_FIELD_LANE] = -1;
      options->lane_id = g_strdup (imp->lane);
    }
  else
    options->lane_id = title_from_path (imp->import_path);
  guessed = hl_import_guess_date_format (table, options, &ambiguous);
  if (imp->date_format == NULL)
    {
      if (ambiguous)
        {
          /* TRANSLATORS: a file name */
          g_autofree char *msg = g_strdup_printf (_("%s: the dates read as day/month/year and "
                                                    "as month/day/year alike; give "
                                                    "--date-format=dmy or --date-format=mdy"),
                                                  shown);

          print_error ("", msg);
          return HL_EXIT_DATA;
        }
      options->date_format = guessed;
    }
  options->decimal = imp->decimal ? imp->decimal[0] : hl_import_guess_decimal (table, options);
  return KEEP_GOING;
}

static char *
title_from_path (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

/* Lists the bad rows; returns FALSE if there are any. */
static gboolean
report_bad_rows (HlImportResult *result, const char *shown)
{
  guint n_bad = hl_import_result_get_n_bad_rows (result);
  g_autofree char *problems = NULL;

  if (n_bad == 0)
    return TRUE;
  problems = hl_import_result_describe_problems (result, HL_IMPORT_MAX_PROBLEMS);
  print_error ("", problems);
  g_printerr (ngettext ("%s: %u row cannot be read; nothing was written\n",
                        "%s: %u rows cannot be read; nothing was written\n", n_bad),
              shown, n_bad);
  return FALSE;
}

static int
report_written (HlImportResult *result, const char *shown, const char *output)
{
  guint n = hl_import_result_get_n_events (result);
  guint n_lanes = hl_import_result_get_n_lanes (result);
  g_autofree char *out = hl_escape_text (output, -1, HL_ESCAPE_NONE);
  /* TRANSLATORS: how many lanes an imported spreadsheet filled */
  g_autofree char *lanes = g_strdup_printf (ngettext ("%u lane", "%u lanes", n_lanes), n_lanes);

  /* TRANSLATORS: input file, number of events, "N lanes", output file */
  g_print (ngettext ("%s: %u event in %s written to %s\n",
                     "%s: %u events in %s written to %s\n", n), shown, n, lanes, out);
  return HL_EXIT_OK;
}

int
hl_cli_import_run (HlCliImport *imp)
{
  g_autoptr(HlCsvTable) table = NULL;
  g_autoptr(HlImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  HlImportOptions options;
  char delimiter = 0;
  int status;

  hl_import_options_init (&options);
  if ((status = parse_options (imp, &options, &delimiter)) != KEEP_GOING)
    goto out;
  shown = hl_escape_text (imp->import_path, -1, HL_ESCAPE_NONE);
  status = HL_EXIT_DATA;
  if ((table = read_table (imp, delimiter, shown, &error)) == NULL)
    {
      print_error ("", error->message);
      goto out;
    }
  if ((status = set_mapping (imp, table, &options, shown)) != KEEP_GOING)
    goto out;
  options.title = title_from_path (imp->import_path);
  status = HL_EXIT_DATA;
  if ((result = hl_import_run (table, &options, shown, &error)) == NULL)
    print_error ("", error->message);
  else if (!report_bad_rows (result, shown))
    ;
  else if (!hl_import_result_save (result, imp->output, HL_ATOMIC_FILE_FLAGS_NONE, &error))
    print_error ("heistline: ", error->message);
  else
    status = report_written (result, shown, imp->output);
out:
  hl_import_options_clear (&options);
  return status;
}
