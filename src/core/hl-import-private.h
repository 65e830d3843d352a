/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hl-import.h"

G_BEGIN_DECLS

/* What the import's files share: the result's fields. */
struct _HlImportResult
{
  GArray    *events;           /* HlImportEvent, in file order */
  GPtrArray *lanes;            /* lane ids, in order of first use */
  GArray    *problems;         /* HlImportProblem, at most HL_IMPORT_MAX_PROBLEMS */
  guint      n_problems_total;
  guint      n_bad_rows;
  HlMeasure  measure;
  char      *title;
  char      *name;             /* the file's name, escaped */
};

/* "official" for "Official": a confidence's name as the dataset writes
 * it, or NULL when @text names none. */
const char *hl_import_confidence_name (const char *text);

G_END_DECLS
