/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hl-session.h"

G_BEGIN_DECLS

/* What only sums the view up (the panel's summary, the range button)
 * follows a gesture that moves it (HlSession:moving) at once on its
 * first step, then at most every HL_PACER_INTERVAL_US, and exactly once
 * the gesture ends. */
#define HL_PACER_INTERVAL_US (250 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  gint64      last;      /* when the work last ran, in monotonic time */
  guint       source;    /* runs it again while a gesture lasts */
  gboolean    in_gesture;
  GSourceFunc func;
  gpointer    data;
} HlPacer;

void     hl_pacer_init  (HlPacer     *pacer,
                         GSourceFunc  func,
                         gpointer     data);
gboolean hl_pacer_wait  (HlPacer     *pacer,
                         HlSession   *session);
void     hl_pacer_ran   (HlPacer     *pacer);
void     hl_pacer_clear (HlPacer     *pacer);

G_END_DECLS
