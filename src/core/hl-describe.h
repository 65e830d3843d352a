/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hl-columns.h"
#include "hl-dataset.h"
#include "hl-view.h"

G_BEGIN_DECLS

/* Unicode isolates: a piece of dataset text joined with other words is
 * wrapped in FSI ... PDI, so a right-to-left title or a stray U+202E in it
 * cannot reorder the words around it. */
#define HL_FSI "\xe2\x81\xa8"   /* U+2068 first strong isolate */
#define HL_PDI "\xe2\x81\xa9"   /* U+2069 pop directional isolate */
#define HL_LRM "\xe2\x80\x8e"   /* U+200E left-to-right mark */
#define HL_RLM "\xe2\x80\x8f"   /* U+200F right-to-left mark */
#define HL_LRI "\xe2\x81\xa6"   /* U+2066: left-to-right, as the chart reads */

/* The words Heistline says about a dataset, taken from its lanes (title,
 * measure, unit), never from one dataset's vocabulary: the chart's
 * subtitle, the hover card, the panel and the accessible description all
 * use these. */

char *hl_describe_number       (guint64              n);
char *hl_describe_decimal      (double               value,
                                guint                digits);
char *hl_describe_usd          (double               usd);
char *hl_describe_usd_range    (double               low,
                                double               high);
const char *hl_describe_confidence (HlConfidence  confidence);
char *hl_describe_isolate      (const char          *text);
char *hl_describe_directed     (const char          *text,
                                gboolean             rtl);
char *hl_describe_amount       (HlDataset           *dataset,
                                const HlEvent       *event);
char *hl_describe_event_date   (const HlEvent       *event);
char *hl_describe_count        (const HlLane        *lane,
                                guint64              count);
char *hl_describe_events       (guint                n_events);
char *hl_describe_event_dates  (const HlEvent       *event);
char *hl_describe_event_end    (const HlEvent       *event);
char *hl_describe_begun_before (HlDataset           *dataset,
                                const HlView        *view,
                                guint                lane);
guint hl_describe_count_in_force (HlDataset         *dataset,
                                const HlView        *view,
                                guint                lane);
char *hl_describe_in_force     (const HlLane        *lane,
                                guint                n);
char *hl_describe_spans_not_shown (guint             n_hidden,
                                guint                n_unlabelled);
char *hl_describe_span_lane_totals (HlDataset        *dataset,
                                const HlView        *view,
                                guint                lane);
char *hl_describe_lane_totals  (HlDataset           *dataset,
                                guint                lane,
                                const HlLaneTotals  *totals);
char *hl_describe_totals       (HlDataset           *dataset,
                                const HlView        *view,
                                const HlTotals      *totals);
char *hl_describe_filter_list  (HlDataset           *dataset,
                                const HlView        *view);
char *hl_describe_matches      (guint                n_matches,
                                guint                position,
                                guint                n_outside,
                                guint                n_hidden);

G_END_DECLS
