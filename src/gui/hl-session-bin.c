/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The session's chosen calendar bin (issue 10): clicking a bin in the
 * timeline chooses its lane and period, and the panel lists the bin's
 * events from it. Selecting one of them keeps the bin; any selection
 * outside it (or none) drops it, so the list never outlives what the
 * user is looking at. */
#include "config.h"

#include "hl-session-private.h"

void
_hl_session_install_bin (GObjectClass *klass)
{
  _hl_session_properties[PROP_BIN] =
    g_param_spec_boolean ("bin", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

gboolean
_hl_session_get_bin_property (HlSession *self, guint prop_id, GValue *value)
{
  if (prop_id != PROP_BIN)
    return FALSE;
  g_value_set_boolean (value, self->bin_to > self->bin_from);
  return TRUE;
}

static gboolean
bin_holds (HlSession *self, int event)
{
  const HlEvent *ev;

  if (self->dataset == NULL || event < 0 ||
      event >= (int) hl_dataset_get_n_events (self->dataset))
    return FALSE;
  ev = hl_dataset_get_event (self->dataset, event);
  return ev->lane == self->bin_lane && ev->time >= self->bin_from && ev->time < self->bin_to;
}

/* Called as the selection changes: the bin stays only around it. */
void
_hl_session_keep_bin (HlSession *self, int event)
{
  if (self->bin_to <= self->bin_from || bin_holds (self, event))
    return;
  self->bin_from = self->bin_to = 0;
  _hl_session_notify (self, PROP_BIN);
}

/**
 * hl_session_select_bin:
 * @event: the event to select, inside the bin (its largest, or the one
 *   clicked)
 *
 * Chooses the bin [@from, @to) of @lane and selects @event in it.
 */
void
hl_session_select_bin (HlSession *self, guint lane, gint64 from, gint64 to, int event)
{
  gboolean changed;

  g_return_if_fail (HL_IS_SESSION (self));
  g_return_if_fail (to > from);

  changed = self->bin_lane != lane || self->bin_from != from || self->bin_to != to;
  self->bin_lane = lane;
  self->bin_from = from;
  self->bin_to = to;
  if (!bin_holds (self, event))
    event = -1;
  hl_session_set_selected (self, event);
  if (changed && self->bin_to > self->bin_from)
    _hl_session_notify (self, PROP_BIN);
}

/* FALSE when no bin is chosen. */
gboolean
hl_session_get_bin (HlSession *self, guint *lane, gint64 *from, gint64 *to)
{
  g_return_val_if_fail (HL_IS_SESSION (self), FALSE);

  if (self->bin_to <= self->bin_from)
    return FALSE;
  if (lane != NULL)
    *lane = self->bin_lane;
  if (from != NULL)
    *from = self->bin_from;
  if (to != NULL)
    *to = self->bin_to;
  return TRUE;
}
