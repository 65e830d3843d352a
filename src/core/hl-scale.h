/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Date axis: pure functions, no drawing. */
typedef enum
{
  HL_TICK_HOUR,
  HL_TICK_DAY,
  HL_TICK_WEEK,
  HL_TICK_MONTH,
  HL_TICK_QUARTER,
  HL_TICK_YEAR,
} HlTickUnit;

typedef struct
{
  HlTickUnit unit;
  int        step;   /* multiples of the unit between ticks */
} HlTickSpec;

HlTickSpec  hl_ticks_choose          (gint64      from,
                                      gint64      to,
                                      double      width_px,
                                      double      char_px);
GArray     *hl_ticks_build           (HlTickSpec  spec,
                                      gint64      from,
                                      gint64      to);
char       *hl_ticks_label           (HlTickSpec  spec,
                                      gint64      tick);
gboolean    hl_ticks_context         (HlTickSpec  spec,
                                      HlTickSpec *context);
char       *hl_ticks_context_label   (HlTickSpec  spec,
                                      gint64      tick);

/* Calendar bins (issue 10): one of HlView's HlBins units as a tick
 * spec (a decade is ten years); the unit follows the zoom for AUTO. */
#include "hl-view.h"

HlTickSpec  hl_bins_choose_unit      (HlBins      bins,
                                      gint64      from,
                                      gint64      to,
                                      double      width_px,
                                      double      min_bin_px);

/* Money: a money axis reaches at least this high. */
#define HL_MONEY_MIN_MAX 10.0

double      hl_money_nice_max        (double      max,
                                      double     *step);
char       *hl_money_format_short    (double      usd);
char       *hl_money_format_long     (double      usd);

G_END_DECLS
