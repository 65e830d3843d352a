/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A small RFC 4180 reader: quoted fields with "" for a quote, delimiters
 * and newlines inside quotes, LF, CRLF or CR line ends, a last line with
 * or without its newline, a UTF-8 byte order mark. Only UTF-8 is read:
 * anything else is refused with the byte offset, line and row. Every
 * record keeps its row number in the file (blank lines count, as in a
 * spreadsheet), so each message can name the row and column. */

#define HL_CSV_ERROR (hl_csv_error_quark ())

typedef enum
{
  HL_CSV_ERROR_ENCODING,  /* not UTF-8: carries the byte offset and line */
  HL_CSV_ERROR_SYNTAX,    /* a quote never closed, text after a closing quote */
  HL_CSV_ERROR_EMPTY,     /* no row at all */
} HlCsvError;

/* The largest number of columns a row may have: past it, the file is not
 * a table anyone made by hand. */
#define HL_CSV_MAX_COLUMNS 1024

typedef struct _HlCsvTable HlCsvTable;

GQuark       hl_csv_error_quark        (void);
char         hl_csv_detect_delimiter   (const char  *data,
                                        gsize        length);
HlCsvTable  *hl_csv_parse              (const char  *data,
                                        gsize        length,
                                        char         delimiter,
                                        const char  *name,
                                        GError     **error);
void         hl_csv_table_free         (HlCsvTable  *table);
guint        hl_csv_table_get_n_rows   (HlCsvTable  *table);
guint        hl_csv_table_get_n_columns (HlCsvTable *table);
const char * const *hl_csv_table_get_row (HlCsvTable *table,
                                        guint        index,
                                        guint       *n_cells);
const char  *hl_csv_table_get_cell     (HlCsvTable  *table,
                                        guint        index,
                                        guint        column);
guint        hl_csv_table_get_row_number (HlCsvTable *table,
                                        guint        index);
char         hl_csv_table_get_delimiter (HlCsvTable *table);
gboolean     hl_csv_table_had_bom      (HlCsvTable  *table);
gboolean     hl_csv_table_had_crlf     (HlCsvTable  *table);
const char  *hl_csv_delimiter_describe (char         delimiter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlCsvTable, hl_csv_table_free)

G_END_DECLS
