/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CSV and TSV reader (hl-csv.h). Written here rather than taken from
 * libcsv: Debian 12's libcsv 3.0.3 has no pkg-config file and its callbacks
 * report no byte, line or row, and every message about a spreadsheet must
 * name the row and column (src/README.md). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hl-csv.h"
#include "hl-escape.h"

struct _HlCsvTable
{
  GPtrArray *rows;        /* of GStrv */
  GArray    *row_numbers; /* guint, 1-based, per row */
  guint      n_columns;
  char       delimiter;
  gboolean   had_bom;
  gboolean   had_crlf;
};

G_DEFINE_QUARK (hl-csv-error-quark, hl_csv_error)

/* The delimiters a spreadsheet writes, in the order ties go. */
static const char candidates[] = { ',', ';', '\t', '|' };

/* How many of @delimiter each of the first records holds, outside quotes:
 * the delimiter that splits them all the same way (and most often) wins. */
static guint
score_delimiter (const char *data, gsize length, char delimiter)
{
  guint counts[20];
  guint n_records = 0, count = 0, agree = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length && n_records < G_N_ELEMENTS (counts); i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && c == delimiter)
        count++;
      else if (!quoted && (c == '\n' || c == '\r'))
        {
          if (c == '\r' && i + 1 < length && data[i + 1] == '\n')
            i++;
          counts[n_records++] = count;
          count = 0;
        }
    }
  if (count > 0 && n_records < G_N_ELEMENTS (counts))
    counts[n_records++] = count;
  if (n_records == 0 || counts[0] == 0)
    return 0;
  for (guint r = 0; r < n_records; r++)
    agree += counts[r] == counts[0];
  /* agreement first, then the number of columns */
  return agree * 1024 + MIN (counts[0], 1023);
}

/* Returns the delimiter of @data: comma, semicolon, tab or bar; a comma
 * when none splits the first line. */
char
hl_csv_detect_delimiter (const char *data, gsize length)
{
  char best = ',';
  guint best_score = 0;

  g_return_val_if_fail (data != NULL || length == 0, ',');

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      guint score = score_delimiter (data, length, candidates[i]);

      if (score > best_score)
        {
          best_score = score;
          best = candidates[i];
        }
    }
  return best;
}

/* "comma", "tab"…, for the dialog and messages */
const char *
hl_csv_delimiter_describe (char delimiter)
{
  switch (delimiter)
    {
    case ',': return _("comma");
    case ';': return _("semicolon");
    case '\t': return _("tab");
    case '|': return _("vertical bar");
    default: return _("other");
    }
}

static guint
line_at (const char *data, gsize offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n' || (data[i] == '\r' && data[i + 1] != '\n'))
      line++;
  return line;
}

/* Refuses anything but UTF-8, saying where it stops being UTF-8. */
static gboolean
check_encoding (const char *data, gsize length, const char *name, GError **error)
{
  const char *end = NULL;
  gsize offset;

  if (length >= 2 && ((guchar) data[0] == 0xff || (guchar) data[0] == 0xfe) &&
      ((guchar) data[1] == 0xfe || (guchar) data[1] == 0xff))
    {
      g_set_error (error, HL_CSV_ERROR, HL_CSV_ERROR_ENCODING,
                   _("%s: the file is in UTF-16; save it as UTF-8 (CSV UTF-8) and open it "
                     "again"), name);
      return FALSE;
    }
  if (g_utf8_validate_len (data, length, &end))
    return TRUE;
  offset = end - data;
  if (data[offset] == '\0')
    {
      g_set_error (error, HL_CSV_ERROR, HL_CSV_ERROR_ENCODING,
                   _("%s: line %u: a NUL byte at byte offset %lu: this "
                     "is not a text file"), name, line_at (data, offset), (gulong) offset);
      return FALSE;
    }
  offset = end - data;
  g_set_error (error, HL_CSV_ERROR, HL_CSV_ERROR_ENCODING,
               _("%s: line %u: byte 0x%02X at byte offset %lu is not UTF-8; only UTF-8 "
                 "is read (save the file as CSV UTF-8)"),
               name, line_at (data, offset), (guchar) data[offset], (gulong) offset);
  return FALSE;
}

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
  char        delimiter;
  const char *name;
  guint       line;       /* of pos */
  guint       row;        /* of the record being read */
  HlCsvTable *table;
} Reader;

static void
end_of_line (Reader *r)
{
  if (r->data[r->pos] == '\r' && r->pos + 1 < r->length && r->data[r->pos + 1] == '\n')
    {
      r->table->had_crlf = TRUE;
      r->pos++;
    }
  r->pos++;
  r->line++;
}

/* A quoted field, from its opening quote: "" is a quote, and delimiters and
 * line ends are text (a CRLF inside is kept as a LF). */
static gboolean
read_quoted (Reader *r, GString *field, guint column, GError **error)
{
  guint opened = r->line;

  r->pos++;
  while (r->pos < r->length)
    {
      char c = r->data[r->pos];

      if (c == '"')
        {
          if (r->pos + 1 < r->length && r->data[r->pos + 1] == '"')
            {
              g_string_append_c (field, '"');
              r->pos += 2;
              continue;
            }
          r->pos++;
          if (r->pos < r->length && r->data[r->pos] != r->delimiter &&
              r->data[r->pos] != '\n' && r->data[r->pos] != '\r')
            {
              g_set_error (error, HL_CSV_ERROR, HL_CSV_ERROR_SYNTAX,
                           _("%s: row %u, column %u (line %u): text after the closing quote "
                             "(write a quote inside a quoted field as \"\")"),
                           r->name, r->row, column + 1, r->line);
              return FALSE;
            }
          return TRUE;
        }
      if (c == '\n' || c == '\r')
        {
          end_of_line (r);
          g_string_append_c (field, '\n');
          continue;
        }
      g_string_append_c (field, c);
      r->pos++;
    }
  g_set_error (error, HL_CSV_ERROR, HL_CSV_ERROR_SYNTAX,
               _("%s: row %u, column %u: the quote opened on line %u is never closed"),
               r->name, r->row, column + 1, opened);
  return FALSE;
}

static gboolean
row_is_blank (GPtrArray *cells)
{
  return cells->len == 1 && *(const char *) cells->pdata[0] == '\0';
}

/* One record, up to and past its line end. Returns FALSE on error. */
static gboolean
read_record (Reader *r, GError **error)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);

  for (;;)
    {
      char c = r->pos < r->length ? r->data[r->pos] : '\n';

      if (field->len == 0 && c == '"' && r->pos < r->length)
        {
          if (!read_quoted (r, field, cells->len, error))
            return FALSE;
          continue;
        }
      if (c == r->delimiter || c == '\n' || c == '\r')
        {
          if (cells->len >= HL_CSV_MAX_COLUMNS)
            {
              g_set_error (error, HL_CSV_ERROR, HL_CSV_ERROR_SYNTAX,
                           _("%s: row %u: more than %u columns"), r->name, r->row,
                           HL_CSV_MAX_COLUMNS);
              return FALSE;
            }
          g_ptr_array_add (cells, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          if (c == r->delimiter)
            {
              r->pos++;
              continue;
            }
          if (r->pos < r->length)
            end_of_line (r);
          break;
        }
      /* a quote inside an unquoted field (12" vinyl) is kept as text */
      g_string_append_c (field, c);
      r->pos++;
    }
  if (!row_is_blank (cells))
    {
      r->table->n_columns = MAX (r->table->n_columns, cells->len);
      g_ptr_array_add (cells, NULL);
      g_ptr_array_add (r->table->rows, g_ptr_array_steal (cells, NULL));
      g_array_append_val (r->table->row_numbers, r->row);
    }
  r->row++;
  return TRUE;
}

/* Reads @data (@length bytes) as CSV. @delimiter: 0 to detect it.
 * @name: the file's name for messages. */
HlCsvTable *
hl_csv_parse (const char *data, gsize length, char delimiter, const char *name,
              GError **error)
{
  g_autoptr(HlCsvTable) table = NULL;
  g_autofree char *shown = NULL;
  Reader r = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  shown = hl_escape_text (name ? name : "CSV", -1, HL_ESCAPE_NONE);
  table = g_new0 (HlCsvTable, 1);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->row_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  if (!check_encoding (data, length, shown, error))
    return NULL;
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      table->had_bom = TRUE;
      data += 3;
      length -= 3;
    }
  table->delimiter = delimiter ? delimiter : hl_csv_detect_delimiter (data, length);
  r = (Reader) { data, length, 0, table->delimiter, shown, 1, 1, table };
  while (r.pos < r.length)
    if (!read_record (&r, error))
      return NULL;
  if (table->rows->len == 0)
    {
      g_set_error (error, HL_CSV_ERROR, HL_CSV_ERROR_EMPTY, _("%s: the file has no rows"), shown);
      return NULL;
    }
  return g_steal_pointer (&table);
}

void
hl_csv_table_free (HlCsvTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->rows);
  g_array_unref (table->row_numbers);
  g_free (table);
}

guint
hl_csv_table_get_n_rows (HlCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->rows->len;
}

/* The most cells any row has. */
guint
hl_csv_table_get_n_columns (HlCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->n_columns;
}

const char * const *
hl_csv_table_get_row (HlCsvTable *table, guint index, guint *n_cells)
{
  const char * const *row;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (index < table->rows->len, NULL);

  row = table->rows->pdata[index];
  if (n_cells != NULL)
    *n_cells = g_strv_length ((char **) row);
  return row;
}

/* The cell, or "" past the end of a short row. */
const char *
hl_csv_table_get_cell (HlCsvTable *table, guint index, guint column)
{
  char **row;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (index < table->rows->len, NULL);

  row = table->rows->pdata[index];
  for (guint i = 0; i <= column; i++)
    if (row[i] == NULL)
      return "";
  return row[column];
}

/* The row's number in the file, 1-based, blank lines counted. */
guint
hl_csv_table_get_row_number (HlCsvTable *table, guint index)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (index < table->rows->len, 0);
  return g_array_index (table->row_numbers, guint, index);
}

char
hl_csv_table_get_delimiter (HlCsvTable *table)
{
  g_return_val_if_fail (table != NULL, ',');
  return table->delimiter;
}

gboolean
hl_csv_table_had_bom (HlCsvTable *table)
{
  g_return_val_if_fail (table != NULL, FALSE);
  return table->had_bom;
}

gboolean
hl_csv_table_had_crlf (HlCsvTable *table)
{
  g_return_val_if_fail (table != NULL, FALSE);
  return table->had_crlf;
}
