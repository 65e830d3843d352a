/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading every row of a table with a mapping (hl-import.h): the events
 * of the good rows, and a problem for each cell that cannot be read,
 * named by row and column. A row with a problem is left out whole. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hl-escape.h"
#include "hl-import-private.h"

static void
event_clear (HlImportEvent *e)
{
  g_free (e->date);
  g_free (e->end);
  g_free (e->title);
  g_free (e->kind);
  g_free (e->actor);
  g_free (e->confidence);
  g_free (e->url);
  g_free (e->source);
  g_free (e->notes);
}

static void
problem_clear (HlImportProblem *p)
{
  g_free (p->message);
}

void
hl_import_result_free (HlImportResult *result)
{
  if (result == NULL)
    return;
  g_array_unref (result->events);
  g_ptr_array_unref (result->lanes);
  g_array_unref (result->problems);
  g_free (result->title);
  g_free (result->name);
  g_free (result);
}

/* "C" for the third column, "AA" for the 27th: how a spreadsheet names it */
static char *
column_letters (int column)
{
  char buf[8];
  int i = sizeof buf - 1;

  buf[i] = '\0';
  for (column++; column > 0 && i > 0; column = (column - 1) / 26)
    buf[--i] = 'A' + (column - 1) % 26;
  return g_strdup (buf + i);
}

typedef struct
{
  HlImportResult        *result;
  HlCsvTable            *table;
  const HlImportOptions *options;
  guint                  index;   /* of the row in the table */
  guint                  row;     /* its number in the file */
  gboolean               bad;
  GHashTable            *lanes;   /* lane id -> index + 1 */
} RowReader;

static void G_GNUC_PRINTF (3, 4)
add_problem (RowReader *rr, int column, const char *format, ...)
{
  HlImportProblem p = { rr->row, column, NULL };
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;
  va_list args;

  rr->bad = TRUE;
  rr->result->n_problems_total++;
  if (rr->result->problems->len >= HL_IMPORT_MAX_PROBLEMS)
    return;
  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  if (column >= 0)
    {
      g_autofree char *letters = column_letters (column);
      g_autofree char *name = hl_import_column_name (rr->table, rr->options, column);

      /* TRANSLATORS: file, row, column letter, column name, problem */
      line = g_strdup_printf (_("%s: row %u, column %s (%s): %s"), rr->result->name, rr->row,
                              letters, name, text);
    }
  else
    line = g_strdup_printf (_("%s: row %u: %s"), rr->result->name, rr->row, text);
  p.message = hl_escape_text (line, -1, HL_ESCAPE_NONE);
  g_array_append_val (rr->result->problems, p);
}

/* The cell of @field, stripped, or NULL if the field has no column or
 * the cell is empty. */
static char *
cell (RowReader *rr, HlImportField field)
{
  int c = rr->options->column[field];
  char *text;

  if (c < 0)
    return NULL;
  text = g_strstrip (g_strdup (hl_csv_table_get_cell (rr->table, rr->index, c)));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
read_dates (RowReader *rr, HlImportEvent *e)
{
  int c = rr->options->column[HL_IMPORT_FIELD_DATE];
  g_autofree char *date = cell (rr, HL_IMPORT_FIELD_DATE);
  g_autofree char *end = cell (rr, HL_IMPORT_FIELD_END);
  g_autofree char *problem = NULL;
  gint64 t0 = 0, t1;

  if (date == NULL)
    add_problem (rr, c, _("no date"));
  else if ((e->date = hl_import_parse_date (date, rr->options->date_format, rr->options, &t0,
                                            &problem)) == NULL)
    add_problem (rr, c, "%s", problem);
  if (end == NULL)
    return;
  g_clear_pointer (&problem, g_free);
  c = rr->options->column[HL_IMPORT_FIELD_END];
  if ((e->end = hl_import_parse_date (end, rr->options->date_format, rr->options, &t1,
                                      &problem)) == NULL)
    add_problem (rr, c, "%s", problem);
  else if (e->date != NULL && t1 < t0)
    add_problem (rr, c, _("the end “%s” is before the date “%s”"), end, date);
}

static void
read_amounts (RowReader *rr, HlImportEvent *e)
{
  g_autofree char *usd = cell (rr, HL_IMPORT_FIELD_USD);
  g_autofree char *count = cell (rr, HL_IMPORT_FIELD_COUNT);
  g_autofree char *problem = NULL;
  double v;

  if (rr->result->measure == HL_MEASURE_SPAN)
    return;   /* no amount column is mapped (check_options) */
  if (rr->result->measure == HL_MEASURE_USD)
    {
      /* an empty cell says the amount is not known, as "usd": null
       * does; text that is not an amount is an error, never a zero */
      if (usd == NULL)
        e->usd_unknown = TRUE;
      else if (!hl_import_parse_amount (usd, rr->options->decimal, &e->usd, &problem))
        add_problem (rr, rr->options->column[HL_IMPORT_FIELD_USD], "%s", problem);
      else
        e->has_usd = TRUE;
    }
  if (count == NULL)
    return;
  g_clear_pointer (&problem, g_free);
  if (!hl_import_parse_amount (count, rr->options->decimal, &v, &problem))
    add_problem (rr, rr->options->column[HL_IMPORT_FIELD_COUNT], "%s", problem);
  else if (v < 1 || v > 1000000 || v != (double) (guint) v)
    add_problem (rr, rr->options->column[HL_IMPORT_FIELD_COUNT],
                 _("“%s” is not a whole number from 1 to 1,000,000"), count);
  else
    e->count = (guint) v;
}

static void
read_lane (RowReader *rr, HlImportEvent *e)
{
  g_autofree char *lane = NULL;
  gpointer index;

  if (rr->options->column[HL_IMPORT_FIELD_LANE] < 0)
    {
      e->lane = 0;
      return;
    }
  lane = cell (rr, HL_IMPORT_FIELD_LANE);
  if (lane == NULL)
    {
      add_problem (rr, rr->options->column[HL_IMPORT_FIELD_LANE], _("no lane"));
      return;
    }
  index = g_hash_table_lookup (rr->lanes, lane);
  if (index == NULL)
    {
      if (rr->result->lanes->len >= HL_DATASET_MAX_LANES)
        {
          add_problem (rr, rr->options->column[HL_IMPORT_FIELD_LANE],
                       _("“%s” would be lane %u; a dataset has at most %u lanes"), lane,
                       rr->result->lanes->len + 1, HL_DATASET_MAX_LANES);
          return;
        }
      g_ptr_array_add (rr->result->lanes, g_strdup (lane));
      index = GUINT_TO_POINTER (rr->result->lanes->len);
      g_hash_table_insert (rr->lanes, g_steal_pointer (&lane), index);
    }
  e->lane = GPOINTER_TO_UINT (index) - 1;
}

static void
read_texts (RowReader *rr, HlImportEvent *e)
{
  g_autofree char *confidence = cell (rr, HL_IMPORT_FIELD_CONFIDENCE);

  e->title = cell (rr, HL_IMPORT_FIELD_TITLE);
  if (e->title == NULL)
    add_problem (rr, rr->options->column[HL_IMPORT_FIELD_TITLE], _("no title"));
  e->kind = cell (rr, HL_IMPORT_FIELD_KIND);
  e->actor = cell (rr, HL_IMPORT_FIELD_ACTOR);
  e->url = cell (rr, HL_IMPORT_FIELD_URL);
  e->source = cell (rr, HL_IMPORT_FIELD_SOURCE);
  e->notes = cell (rr, HL_IMPORT_FIELD_NOTES);
  if (confidence != NULL)
    {
      e->confidence = g_strdup (hl_import_confidence_name (confidence));
      if (e->confidence == NULL)
        add_problem (rr, rr->options->column[HL_IMPORT_FIELD_CONFIDENCE],
                     _("“%s” is not a confidence (official, analyst, suspected or disputed)"),
                     confidence);
    }
  /* A source needs a link; a name alone is kept in the notes. */
  if (e->source != NULL && e->url == NULL)
    {
      char *notes = e->notes ? g_strdup_printf ("%s\n%s %s", e->notes, _("Source:"), e->source)
                             : g_strdup_printf ("%s %s", _("Source:"), e->source);

      g_free (e->notes);
      e->notes = notes;
      g_clear_pointer (&e->source, g_free);
    }
}

static gboolean
row_is_empty (HlCsvTable *table, guint index)
{
  guint n;
  const char * const *row = hl_csv_table_get_row (table, index, &n);

  for (guint i = 0; i < n; i++)
    for (const char *p = row[i]; *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;
  return TRUE;
}

static gboolean
check_options (const HlImportOptions *options, const char *name, GError **error)
{
  if (options->column[HL_IMPORT_FIELD_DATE] < 0)
    g_set_error (error, HL_IMPORT_ERROR, HL_IMPORT_ERROR_MAPPING,
                 _("%s: no column gives the date (map it with date:COLUMN)"), name);
  else if (options->column[HL_IMPORT_FIELD_TITLE] < 0)
    g_set_error (error, HL_IMPORT_ERROR, HL_IMPORT_ERROR_MAPPING,
                 _("%s: no column gives the title (map it with title:COLUMN)"), name);
  else if (options->has_measure && options->measure == HL_MEASURE_SPAN &&
           (options->column[HL_IMPORT_FIELD_USD] >= 0 ||
            options->column[HL_IMPORT_FIELD_COUNT] >= 0))
    g_set_error (error, HL_IMPORT_ERROR, HL_IMPORT_ERROR_MAPPING,
                 _("%s: a span lane's events have no amount; map no “%s” column"), name,
                 options->column[HL_IMPORT_FIELD_USD] >= 0 ? "usd" : "count");
  else if (options->has_measure && options->measure == HL_MEASURE_USD &&
           options->column[HL_IMPORT_FIELD_USD] < 0)
    g_set_error (error, HL_IMPORT_ERROR, HL_IMPORT_ERROR_MAPPING,
                 _("%s: no column gives the amount (map it with usd:COLUMN)"), name);
  else if (options->column[HL_IMPORT_FIELD_LANE] < 0 && options->lane_id != NULL &&
           *options->lane_id == '\0')
    g_set_error (error, HL_IMPORT_ERROR, HL_IMPORT_ERROR_MAPPING,
                 _("%s: the lane needs a name"), name);
  else
    return TRUE;
  return FALSE;
}

/* Reads every row of @table with @options. @name: the file's name for
 * messages. Returns NULL only when the mapping itself cannot work (no
 * date or title column); bad rows are the result's problems. */
HlImportResult *
hl_import_run (HlCsvTable *table, const HlImportOptions *options, const char *name,
               GError **error)
{
  g_autoptr(HlImportResult) result = NULL;
  g_autoptr(GHashTable) lanes = NULL;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (table != NULL && options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  shown = hl_escape_text (name ? name : "CSV", -1, HL_ESCAPE_NONE);
  if (!check_options (options, shown, error))
    return NULL;
  result = g_new0 (HlImportResult, 1);
  result->events = g_array_new (FALSE, TRUE, sizeof (HlImportEvent));
  g_array_set_clear_func (result->events, (GDestroyNotify) event_clear);
  result->problems = g_array_new (FALSE, TRUE, sizeof (HlImportProblem));
  g_array_set_clear_func (result->problems, (GDestroyNotify) problem_clear);
  result->lanes = g_ptr_array_new_with_free_func (g_free);
  result->name = g_steal_pointer (&shown);
  result->title = g_strdup (options->title);
  if (options->has_measure)
    result->measure = options->measure;
  else
    result->measure = options->column[HL_IMPORT_FIELD_USD] >= 0 ? HL_MEASURE_USD
                                                                 : HL_MEASURE_COUNT;
  if (options->column[HL_IMPORT_FIELD_LANE] < 0)
    g_ptr_array_add (result->lanes, g_strdup (options->lane_id ? options->lane_id : "imported"));
  lanes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = options->has_header ? 1 : 0; i < hl_csv_table_get_n_rows (table); i++)
    {
      RowReader rr = { result, table, options, i, hl_csv_table_get_row_number (table, i),
                       FALSE, lanes };
      HlImportEvent e = { 0 };

      if (row_is_empty (table, i))
        continue;
      e.row = rr.row;
      read_dates (&rr, &e);
      read_texts (&rr, &e);
      read_amounts (&rr, &e);
      read_lane (&rr, &e);
      if (rr.bad)
        {
          result->n_bad_rows++;
          event_clear (&e);
          continue;
        }
      g_array_append_val (result->events, e);
    }
  return g_steal_pointer (&result);
}

guint
hl_import_result_get_n_events (HlImportResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->events->len;
}

const HlImportEvent *
hl_import_result_get_event (HlImportResult *result, guint index)
{
  g_return_val_if_fail (result != NULL && index < result->events->len, NULL);
  return &g_array_index (result->events, HlImportEvent, index);
}

guint
hl_import_result_get_n_lanes (HlImportResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->lanes->len;
}

const char *
hl_import_result_get_lane (HlImportResult *result, guint index)
{
  g_return_val_if_fail (result != NULL && index < result->lanes->len, NULL);
  return result->lanes->pdata[index];
}

/* Every problem found, also those past the list's cap. */
guint
hl_import_result_get_n_problems (HlImportResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->n_problems_total;
}

/* @index: below the listed problems (at most HL_IMPORT_MAX_PROBLEMS) */
const HlImportProblem *
hl_import_result_get_problem (HlImportResult *result, guint index)
{
  g_return_val_if_fail (result != NULL, NULL);
  if (index >= result->problems->len)
    return NULL;
  return &g_array_index (result->problems, HlImportProblem, index);
}

guint
hl_import_result_get_n_bad_rows (HlImportResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->n_bad_rows;
}

/* The first @max_shown problems, a line each, then "and N more". */
char *
hl_import_result_describe_problems (HlImportResult *result, guint max_shown)
{
  g_autoptr(GString) s = g_string_new (NULL);
  guint shown = MIN (max_shown, result->problems->len);
  guint more;

  g_return_val_if_fail (result != NULL, NULL);

  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        g_string_append_c (s, '\n');
      g_string_append (s, g_array_index (result->problems, HlImportProblem, i).message);
    }
  more = result->n_problems_total - shown;
  if (more > 0)
    {
      g_string_append_c (s, '\n');
      g_string_append_printf (s, ngettext ("and %u more problem", "and %u more problems", more),
                              more);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}
