/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import's options and what is guessed from a file (hl-import.h): the
 * header row, the column of each field from the header names, the date
 * format and the decimal separator; and the mapping as --map writes it. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hl-escape.h"
#include "hl-import-private.h"

/* Rows looked at to guess formats: enough for any real header's file. */
#define GUESS_ROWS 2000

void
hl_import_options_init (HlImportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  for (guint i = 0; i < HL_IMPORT_N_FIELDS; i++)
    options->column[i] = -1;
  options->date_format = HL_IMPORT_DATE_ISO;
  options->decimal = '.';
  options->has_header = TRUE;
}

void
hl_import_options_clear (HlImportOptions *options)
{
  g_return_if_fail (options != NULL);

  g_clear_pointer (&options->lane_id, g_free);
  g_clear_pointer (&options->title, g_free);
}

void
hl_import_options_copy (HlImportOptions *dest, const HlImportOptions *src)
{
  g_return_if_fail (dest != NULL && src != NULL);

  *dest = *src;
  dest->lane_id = g_strdup (src->lane_id);
  dest->title = g_strdup (src->title);
}

static gboolean
cell_looks_like_data (const char *cell)
{
  HlImportOptions none;
  g_autofree char *problem = NULL;
  g_autofree char *date = NULL;
  double v;

  hl_import_options_init (&none);
  none.has_zone = TRUE;
  if (hl_import_parse_amount (cell, '.', &v, &problem))
    return TRUE;
  g_clear_pointer (&problem, g_free);
  for (guint f = 0; f < HL_IMPORT_N_DATE_FORMATS && date == NULL; f++)
    {
      date = hl_import_parse_date (cell, f, &none, NULL, &problem);
      g_clear_pointer (&problem, g_free);
    }
  return date != NULL;
}

/* The first row is a header when none of its cells reads as a date or
 * an amount. */
gboolean
hl_import_guess_header (HlCsvTable *table)
{
  guint n;
  const char * const *row;

  g_return_val_if_fail (table != NULL, FALSE);

  row = hl_csv_table_get_row (table, 0, &n);
  for (guint i = 0; i < n; i++)
    if (cell_looks_like_data (row[i]))
      return FALSE;
  return TRUE;
}

/* Header words for each field, lowercase with only letters and digits;
 * matched whole first, then as a part of the header ("Loss (USD)"). */
static const char *const synonyms[HL_IMPORT_N_FIELDS][16] = {
  [HL_IMPORT_FIELD_DATE] = { "date", "day", "when", "datetime", "startdate", "start",
                             "incidentdate", "launchdate", "occurred", "time", "datum", "날짜", "일자",
                             NULL },
  [HL_IMPORT_FIELD_END] = { "end", "enddate", "until", "finished", "ended", "to", NULL },
  [HL_IMPORT_FIELD_TITLE] = { "title", "name", "incident", "event", "headline", "victim",
                              "target", "project", "protocol", "what", "제목", "이름", "사건", NULL },
  [HL_IMPORT_FIELD_USD] = { "usd", "amountusd", "lossusd", "amount", "loss", "losses",
                            "stolen", "value", "valueusd", "money", "dollars", "피해액", "금액", NULL },
  [HL_IMPORT_FIELD_COUNT] = { "count", "number", "missiles", "quantity", "qty", "n",
                              "items", NULL },
  [HL_IMPORT_FIELD_LANE] = { "lane", "track", "series", "dataset", NULL },
  [HL_IMPORT_FIELD_KIND] = { "kind", "type", "category", "method", "attacktype", "vector",
                             "technique", NULL },
  [HL_IMPORT_FIELD_ACTOR] = { "actor", "attacker", "group", "attribution", "attributedto",
                              "perpetrator", "who", NULL },
  [HL_IMPORT_FIELD_CONFIDENCE] = { "confidence", "certainty", "status", NULL },
  [HL_IMPORT_FIELD_URL] = { "url", "sourceurl", "link", "href", "web", NULL },
  [HL_IMPORT_FIELD_SOURCE] = { "source", "sourcetitle", "publisher", "reference", "via", NULL },
  [HL_IMPORT_FIELD_NOTES] = { "notes", "note", "comment", "comments", "details",
                              "description", "remarks", "메모", "비고", NULL },
};

/* Lowercase letters and digits only: "Loss (USD)" is "lossusd". */
static char *
normalize_header (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *s = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (s, g_utf8_get_char (p));
  return g_string_free (s, FALSE);
}

static void
guess_pass (char **headers, guint n, HlImportOptions *options, gboolean whole,
            gboolean *taken)
{
  for (guint f = 0; f < HL_IMPORT_N_FIELDS; f++)
    for (guint k = 0; synonyms[f][k] != NULL && options->column[f] < 0; k++)
      for (guint c = 0; c < n && options->column[f] < 0; c++)
        {
          gboolean hit = whole ? g_str_equal (headers[c], synonyms[f][k])
                               : strlen (synonyms[f][k]) >= 4 &&
                                 strstr (headers[c], synonyms[f][k]) != NULL;

          if (!taken[c] && hit)
            {
              options->column[f] = c;
              taken[c] = TRUE;
            }
        }
}

const char *
hl_import_confidence_name (const char *text)
{
  static const char *const levels[] = { "official", "analyst", "suspected", "disputed" };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (levels); i++)
    if (g_ascii_strcasecmp (text, levels[i]) == 0)
      return levels[i];
  return NULL;
}

/* A column whose every filled cell of the first rows names a grade gives
 * the confidence, whatever its header says: "Attribution" holds grades in
 * one sheet and the attacker in another. */
static void
guess_confidence_by_values (HlCsvTable *table, HlImportOptions *options, gboolean *taken,
                            guint n_columns)
{
  guint n = MIN (hl_csv_table_get_n_rows (table), 1 + GUESS_ROWS);

  for (guint c = 0; c < n_columns && options->column[HL_IMPORT_FIELD_CONFIDENCE] < 0; c++)
    {
      guint filled = 0, grades = 0;

      for (guint r = 1; r < n; r++)
        {
          const char *text = hl_csv_table_get_cell (table, r, c);
          g_autofree char *cell = g_strstrip (g_strdup (text != NULL ? text : ""));

          filled += *cell != '\0';
          grades += hl_import_confidence_name (cell) != NULL;
        }
      if (filled > 0 && grades == filled)
        {
          options->column[HL_IMPORT_FIELD_CONFIDENCE] = (int) c;
          taken[c] = TRUE;
        }
    }
}

/* Sets the column of each field from the header's names (and the
 * confidence from a column of grades); fields no header names are left
 * at -1. */
void
hl_import_guess_columns (HlCsvTable *table, HlImportOptions *options)
{
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autofree gboolean *taken = NULL;
  const char * const *row;
  guint n;

  g_return_if_fail (table != NULL && options != NULL);

  for (guint f = 0; f < HL_IMPORT_N_FIELDS; f++)
    options->column[f] = -1;
  if (!options->has_header)
    return;
  row = hl_csv_table_get_row (table, 0, &n);
  taken = g_new0 (gboolean, n);
  for (guint c = 0; c < n; c++)
    g_ptr_array_add (headers, normalize_header (row[c]));
  guess_confidence_by_values (table, options, taken, n);
  guess_pass ((char **) headers->pdata, n, options, TRUE, taken);
  guess_pass ((char **) headers->pdata, n, options, FALSE, taken);
}

/* The format that reads the most dates of the date column, in the order
 * ISO, D/M/Y, M/D/Y, Y/M/D on a tie. *ambiguous: D/M/Y and M/D/Y read
 * them all alike (every day is 12 or less). */
HlImportDateFormat
hl_import_guess_date_format (HlCsvTable *table, const HlImportOptions *options,
                             gboolean *ambiguous)
{
  guint ok[HL_IMPORT_N_DATE_FORMATS] = { 0 };
  guint first = options->has_header ? 1 : 0;
  guint n = MIN (hl_csv_table_get_n_rows (table), first + GUESS_ROWS);
  gboolean differ = FALSE;
  HlImportDateFormat best = HL_IMPORT_DATE_ISO;
  HlImportOptions zoned;

  g_return_val_if_fail (table != NULL && options != NULL, HL_IMPORT_DATE_ISO);

  if (ambiguous != NULL)
    *ambiguous = FALSE;
  if (options->column[HL_IMPORT_FIELD_DATE] < 0)
    return HL_IMPORT_DATE_ISO;
  zoned = *options;
  zoned.has_zone = TRUE;
  for (guint r = first; r < n; r++)
    {
      const char *cell = hl_csv_table_get_cell (table, r, options->column[HL_IMPORT_FIELD_DATE]);
      g_autofree char *as_dmy = NULL;
      g_autofree char *as_mdy = NULL;

      for (guint f = 0; f < HL_IMPORT_N_DATE_FORMATS; f++)
        {
          g_autofree char *problem = NULL;
          char *iso = hl_import_parse_date (cell, f, &zoned, NULL, &problem);

          ok[f] += iso != NULL;
          if (f == HL_IMPORT_DATE_DMY)
            as_dmy = iso;
          else if (f == HL_IMPORT_DATE_MDY)
            as_mdy = iso;
          else
            g_free (iso);
        }
      differ |= as_dmy && as_mdy && !g_str_equal (as_dmy, as_mdy);
    }
  for (guint f = 1; f < HL_IMPORT_N_DATE_FORMATS; f++)
    if (ok[f] > ok[best])
      best = f;
  if (ambiguous != NULL)
    *ambiguous = differ && ok[HL_IMPORT_DATE_DMY] == ok[HL_IMPORT_DATE_MDY] &&
                 (best == HL_IMPORT_DATE_DMY || best == HL_IMPORT_DATE_MDY);
  return best;
}

/* ',' when the amounts read better with a decimal comma ("1.234,5"). */
char
hl_import_guess_decimal (HlCsvTable *table, const HlImportOptions *options)
{
  guint ok_point = 0, ok_comma = 0;
  guint first = options->has_header ? 1 : 0;
  guint n = MIN (hl_csv_table_get_n_rows (table), first + GUESS_ROWS);
  int column = options->column[HL_IMPORT_FIELD_USD];

  g_return_val_if_fail (table != NULL && options != NULL, '.');

  if (column < 0)
    return '.';
  for (guint r = first; r < n; r++)
    {
      const char *cell = hl_csv_table_get_cell (table, r, column);
      g_autofree char *p1 = NULL;
      g_autofree char *p2 = NULL;
      double v1 = 0, v2 = 0;

      ok_point += hl_import_parse_amount (cell, '.', &v1, &p1);
      ok_comma += hl_import_parse_amount (cell, ',', &v2, &p2);
    }
  return ok_comma > ok_point ? ',' : '.';
}

/* Everything guessed at once: header, columns, date format, decimal. */
void
hl_import_guess (HlCsvTable *table, HlImportOptions *options, gboolean *ambiguous)
{
  g_return_if_fail (table != NULL && options != NULL);

  options->has_header = hl_import_guess_header (table);
  hl_import_guess_columns (table, options);
  options->date_format = hl_import_guess_date_format (table, options, ambiguous);
  options->decimal = hl_import_guess_decimal (table, options);
}

/* "Loss", or "column 3" in a file without a header. */
char *
hl_import_column_name (HlCsvTable *table, const HlImportOptions *options, int column)
{
  g_return_val_if_fail (table != NULL && options != NULL, NULL);
  g_return_val_if_fail (column >= 0, NULL);

  if (options->has_header && *hl_csv_table_get_cell (table, 0, column) != '\0')
    return hl_escape_text (hl_csv_table_get_cell (table, 0, column), -1, HL_ESCAPE_NONE);
  return g_strdup_printf (_("column %d"), column + 1);
}

/* What identifies a file's shape: its header's names, lowercase, in order;
 * NULL without a header. */
char *
hl_import_signature (HlCsvTable *table)
{
  g_autoptr(GString) s = g_string_new (NULL);
  const char * const *row;
  guint n;

  g_return_val_if_fail (table != NULL, NULL);

  if (!hl_import_guess_header (table))
    return NULL;
  row = hl_csv_table_get_row (table, 0, &n);
  for (guint c = 0; c < n; c++)
    {
      g_autofree char *lower = g_utf8_strdown (row[c], -1);

      if (c > 0)
        g_string_append_c (s, '\t');
      g_string_append (s, g_strstrip (lower));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* "date:Date,title:Name,usd:Loss": the fields that have a column, as
 * --map takes them (header names, or 1-based numbers without a header). */
char *
hl_import_mapping_to_string (HlCsvTable *table, const HlImportOptions *options)
{
  g_autoptr(GString) s = g_string_new (NULL);

  g_return_val_if_fail (table != NULL && options != NULL, NULL);

  for (guint f = 0; f < HL_IMPORT_N_FIELDS; f++)
    {
      int c = options->column[f];

      if (c < 0)
        continue;
      if (s->len > 0)
        g_string_append_c (s, ',');
      if (options->has_header)
        g_string_append_printf (s, "%s:%s", hl_import_field_name (f),
                                hl_csv_table_get_cell (table, 0, c));
      else
        g_string_append_printf (s, "%s:%d", hl_import_field_name (f), c + 1);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static int
find_column (HlCsvTable *table, const HlImportOptions *options, const char *name)
{
  guint n = hl_csv_table_get_n_columns (table);
  char *end = NULL;
  gint64 number;

  if (options->has_header)
    for (guint c = 0; c < n; c++)
      {
        g_autofree char *header = g_strstrip (g_strdup (hl_csv_table_get_cell (table, 0, c)));

        if (g_utf8_collate (header, name) == 0 || g_ascii_strcasecmp (header, name) == 0)
          return c;
      }
  number = g_ascii_strtoll (name, &end, 10);
  if (end != name && *end == '\0' && number >= 1 && number <= n)
    return (int) number - 1;
  return -1;
}

/* Reads @text ("date:Date,title:Name,usd:Loss,notes:") into @options:
 * fields it names get that column ("" for none); others keep theirs. */
gboolean
hl_import_mapping_from_string (HlCsvTable *table, const char *text, HlImportOptions *options,
                               GError **error)
{
  g_auto(GStrv) pairs = NULL;

  g_return_val_if_fail (table != NULL && text != NULL && options != NULL, FALSE);

  pairs = g_strsplit (text, ",", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *colon = strchr (g_strstrip (pairs[i]), ':');
      HlImportField field;
      int column = -1;

      if (*pairs[i] == '\0')
        continue;
      if (colon == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is not FIELD:COLUMN"), pairs[i]);
          return FALSE;
        }
      *colon = '\0';
      if (!hl_import_field_from_name (g_strstrip (pairs[i]), &field))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is not a field (date, end, title, usd, count, lane, kind, "
                         "actor, confidence, url, source, notes)"), pairs[i]);
          return FALSE;
        }
      g_strstrip (colon + 1);
      if (colon[1] != '\0' && (column = find_column (table, options, colon + 1)) < 0)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("the file has no column “%s”"), colon + 1);
          return FALSE;
        }
      for (guint f = 0; f < HL_IMPORT_N_FIELDS; f++)
        if (options->column[f] == column && column >= 0)
          options->column[f] = -1;
      options->column[field] = column;
    }
  return TRUE;
}
