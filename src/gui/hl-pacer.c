/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Paced work: a view's summary that follows a gesture a few times a
 * second. Measured in the window bench: rebuilding and measuring the
 * panel's labels on every step of a drag was a third of its frame. */
#include "config.h"

#include "hl-pacer.h"

/* @func runs the work again (and returns G_SOURCE_REMOVE). */
void
hl_pacer_init (HlPacer *pacer, GSourceFunc func, gpointer data)
{
  *pacer = (HlPacer) { 0, 0, FALSE, func, data };
}

static gboolean
on_due (gpointer data)
{
  HlPacer *pacer = data;

  pacer->source = 0;
  return pacer->func (pacer->data);
}

/* Whether the work should wait: while @session is moving, past the
 * gesture's first step, and it ran less than HL_PACER_INTERVAL_US ago; it
 * is then run when that time is up. Once the gesture ends nothing waits
 * (the caller does the work then). */
gboolean
hl_pacer_wait (HlPacer *pacer, HlSession *session)
{
  gint64 wait;

  if (session == NULL || !hl_session_get_moving (session))
    {
      g_clear_handle_id (&pacer->source, g_source_remove);
      pacer->in_gesture = FALSE;
      return FALSE;
    }
  if (!pacer->in_gesture)
    {
      pacer->in_gesture = TRUE;
      return FALSE;
    }
  if (pacer->source != 0)
    return TRUE;
  wait = pacer->last + HL_PACER_INTERVAL_US - g_get_monotonic_time ();
  if (wait <= 0)
    return FALSE;
  pacer->source = g_timeout_add ((guint) (wait / G_TIME_SPAN_MILLISECOND) + 1, on_due, pacer);
  return TRUE;
}

/* The work has just been done: the interval counts from its end. */
void
hl_pacer_ran (HlPacer *pacer)
{
  pacer->last = g_get_monotonic_time ();
}

void
hl_pacer_clear (HlPacer *pacer)
{
  g_clear_handle_id (&pacer->source, g_source_remove);
}
