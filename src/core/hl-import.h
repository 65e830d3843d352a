/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hl-atomic-file.h"
#include "hl-csv.h"
#include "hl-dataset.h"

G_BEGIN_DECLS

/* Turning a spreadsheet (an HlCsvTable) into a heistline-dataset/1: which
 * column gives which field of an event, how its dates and amounts are
 * written, and the lane the rows go to. Every cell that cannot be read is
 * a problem naming its row and column; nothing is guessed silently (an
 * amount that cannot be read is an error, never a zero). */

#define HL_IMPORT_ERROR (hl_import_error_quark ())

typedef enum
{
  HL_IMPORT_ERROR_MAPPING,   /* no column for the date or the title */
  HL_IMPORT_ERROR_BAD_ROWS,  /* rows that cannot be read (listed) */
} HlImportError;

typedef enum
{
  HL_IMPORT_FIELD_DATE,
  HL_IMPORT_FIELD_END,
  HL_IMPORT_FIELD_TITLE,
  HL_IMPORT_FIELD_USD,
  HL_IMPORT_FIELD_COUNT,
  HL_IMPORT_FIELD_LANE,
  HL_IMPORT_FIELD_KIND,
  HL_IMPORT_FIELD_ACTOR,
  HL_IMPORT_FIELD_CONFIDENCE,
  HL_IMPORT_FIELD_URL,
  HL_IMPORT_FIELD_SOURCE,
  HL_IMPORT_FIELD_NOTES,
  HL_IMPORT_N_FIELDS
} HlImportField;

typedef enum
{
  HL_IMPORT_DATE_ISO,   /* 2023-09-04, 2023-09-04T12:00+09:00 */
  HL_IMPORT_DATE_DMY,   /* 4/9/2023, 04.09.2023 */
  HL_IMPORT_DATE_MDY,   /* 9/4/2023 */
  HL_IMPORT_DATE_YMD,   /* 2023/9/4 */
  HL_IMPORT_N_DATE_FORMATS
} HlImportDateFormat;

/* The problems a result lists before it is cut ("and N more"). */
#define HL_IMPORT_MAX_PROBLEMS 50

typedef struct
{
  int                 column[HL_IMPORT_N_FIELDS]; /* 0-based; -1 for none */
  char               *lane_id;        /* the one lane, when no lane column */
  HlImportDateFormat  date_format;
  char                decimal;        /* '.' or ',' */
  gboolean            has_header;
  gboolean            has_zone;       /* date-times without offset get zone_minutes */
  int                 zone_minutes;
  char               *title;          /* the dataset's title */
  gboolean            has_measure;    /* the lane's measure given; else usd if a column
                                       * gives amounts, count if not */
  HlMeasure           measure;        /* span: no amount column at all */
} HlImportOptions;

typedef struct
{
  guint  row;          /* in the file, 1-based */
  int    column;       /* 0-based, or -1 for the whole row */
  char  *message;      /* "row 7, column 3 (Loss): “12 apples” is not an amount" */
} HlImportProblem;

typedef struct
{
  guint    row;
  char    *date;       /* as the dataset writes it */
  char    *end;
  char    *title;
  guint    lane;       /* index into the result's lanes */
  double   usd;
  gboolean has_usd;
  gboolean usd_unknown;  /* the amount cell is empty: "usd": null */
  guint    count;      /* 0: not given */
  char    *kind;
  char    *actor;
  char    *confidence;
  char    *url;
  char    *source;
  char    *notes;
} HlImportEvent;

typedef struct _HlImportResult HlImportResult;

GQuark           hl_import_error_quark         (void);
const char      *hl_import_field_name          (HlImportField        field);
const char      *hl_import_field_label         (HlImportField        field);
gboolean         hl_import_field_from_name     (const char          *name,
                                                HlImportField       *field);
const char      *hl_import_date_format_name    (HlImportDateFormat   format);
const char      *hl_import_date_format_label   (HlImportDateFormat   format);
gboolean         hl_import_date_format_from_name (const char        *name,
                                                HlImportDateFormat  *format);

gboolean         hl_import_parse_amount        (const char          *text,
                                                char                 decimal,
                                                double              *value,
                                                char               **problem);
char            *hl_import_parse_date          (const char          *text,
                                                HlImportDateFormat   format,
                                                const HlImportOptions *options,
                                                gint64              *time,
                                                char               **problem);

void             hl_import_options_init        (HlImportOptions     *options);
void             hl_import_options_clear       (HlImportOptions     *options);
void             hl_import_options_copy        (HlImportOptions     *dest,
                                                const HlImportOptions *src);
gboolean         hl_import_guess_header        (HlCsvTable          *table);
void             hl_import_guess_columns       (HlCsvTable          *table,
                                                HlImportOptions     *options);
HlImportDateFormat hl_import_guess_date_format (HlCsvTable          *table,
                                                const HlImportOptions *options,
                                                gboolean            *ambiguous);
char             hl_import_guess_decimal       (HlCsvTable          *table,
                                                const HlImportOptions *options);
void             hl_import_guess               (HlCsvTable          *table,
                                                HlImportOptions     *options,
                                                gboolean            *ambiguous);
char            *hl_import_column_name         (HlCsvTable          *table,
                                                const HlImportOptions *options,
                                                int                  column);
char            *hl_import_signature           (HlCsvTable          *table);
char            *hl_import_mapping_to_string   (HlCsvTable          *table,
                                                const HlImportOptions *options);
gboolean         hl_import_mapping_from_string (HlCsvTable          *table,
                                                const char          *text,
                                                HlImportOptions     *options,
                                                GError             **error);
gboolean         hl_import_set_zone            (HlImportOptions     *options,
                                                const char          *text);

HlImportResult  *hl_import_run                 (HlCsvTable          *table,
                                                const HlImportOptions *options,
                                                const char          *name,
                                                GError             **error);
void             hl_import_result_free         (HlImportResult      *result);
guint            hl_import_result_get_n_events (HlImportResult      *result);
const HlImportEvent *hl_import_result_get_event (HlImportResult     *result,
                                                guint                index);
guint            hl_import_result_get_n_lanes  (HlImportResult      *result);
const char      *hl_import_result_get_lane     (HlImportResult      *result,
                                                guint                index);
guint            hl_import_result_get_n_problems (HlImportResult    *result);
const HlImportProblem *hl_import_result_get_problem (HlImportResult *result,
                                                guint                index);
guint            hl_import_result_get_n_bad_rows (HlImportResult    *result);
char            *hl_import_result_describe_problems (HlImportResult *result,
                                                guint                max_shown);
char            *hl_import_result_to_json      (HlImportResult      *result,
                                                gsize               *length);
gboolean         hl_import_result_save         (HlImportResult      *result,
                                                const char          *path,
                                                HlAtomicFileFlags    flags,
                                                GError             **error);
HlDataset       *hl_import_result_to_dataset   (HlImportResult      *result,
                                                const char          *name,
                                                GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlImportResult, hl_import_result_free)

G_END_DECLS
