/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The session's proximity state and selected span (issue 12): how many days the chart and
 * the panel look before a following event (or after a leading one), and
 * which lanes lead and follow. The lanes are ids, as the lane filter's
 * are; an id the dataset lacks (or none) falls back to the analysis
 * defaults, the first money lane and the first count lane. */
#include "config.h"

#include "hl-chart-proximity.h"
#include "hl-date.h"
#include "hl-session-private.h"

void
_hl_session_install_proximity (GObjectClass *klass)
{
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  _hl_session_properties[PROP_PROXIMITY_WINDOW] =
    g_param_spec_uint ("proximity-window", NULL, NULL, 0, HL_PROXIMITY_MAX_WINDOW,
                       HL_PROXIMITY_DEFAULT_WINDOW, rw);
  _hl_session_properties[PROP_PROXIMITY_LEAD] =
    g_param_spec_string ("proximity-lead", NULL, NULL, NULL, rw);
  _hl_session_properties[PROP_PROXIMITY_FOLLOW] =
    g_param_spec_string ("proximity-follow", NULL, NULL, NULL, rw);
  _hl_session_properties[PROP_SPAN_FROM] =
    g_param_spec_int64 ("span-from", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  _hl_session_properties[PROP_SPAN_TO] =
    g_param_spec_int64 ("span-to", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
}

gboolean
_hl_session_get_proximity_property (HlSession *self, guint prop_id, GValue *value)
{
  switch (prop_id)
    {
    case PROP_PROXIMITY_WINDOW:
      g_value_set_uint (value, self->proximity_window);
      return TRUE;
    case PROP_PROXIMITY_LEAD:
      g_value_set_string (value, self->proximity_lead ? self->proximity_lead : "");
      return TRUE;
    case PROP_PROXIMITY_FOLLOW:
      g_value_set_string (value, self->proximity_follow ? self->proximity_follow : "");
      return TRUE;
    case PROP_SPAN_FROM:
      g_value_set_int64 (value, self->span_from);
      return TRUE;
    case PROP_SPAN_TO:
      g_value_set_int64 (value, self->span_to);
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
_hl_session_set_proximity_property (HlSession *self, guint prop_id, const GValue *value)
{
  switch (prop_id)
    {
    case PROP_PROXIMITY_WINDOW:
      hl_session_set_proximity_window (self, g_value_get_uint (value));
      return TRUE;
    case PROP_PROXIMITY_LEAD:
      hl_session_set_proximity_lead (self, g_value_get_string (value));
      return TRUE;
    case PROP_PROXIMITY_FOLLOW:
      hl_session_set_proximity_follow (self, g_value_get_string (value));
      return TRUE;
    default:
      return FALSE;
    }
}

guint
hl_session_get_proximity_window (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), HL_PROXIMITY_DEFAULT_WINDOW);
  return self->proximity_window;
}

void
hl_session_set_proximity_window (HlSession *self, guint days)
{
  g_return_if_fail (HL_IS_SESSION (self));

  _hl_session_store_uint (self, &self->proximity_window, MIN (days, HL_PROXIMITY_MAX_WINDOW),
                          PROP_PROXIMITY_WINDOW);
}

static void
store_id (HlSession *self, char **field, const char *id, guint prop)
{
  if (id != NULL && id[0] == '\0')
    id = NULL;
  if (g_strcmp0 (*field, id) == 0)
    return;
  g_free (*field);
  *field = g_strdup (id);
  _hl_session_notify (self, prop);
}

const char *
hl_session_get_proximity_lead (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), NULL);
  return self->proximity_lead;
}

void
hl_session_set_proximity_lead (HlSession *self, const char *lane_id)
{
  g_return_if_fail (HL_IS_SESSION (self));
  store_id (self, &self->proximity_lead, lane_id, PROP_PROXIMITY_LEAD);
}

const char *
hl_session_get_proximity_follow (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), NULL);
  return self->proximity_follow;
}

void
hl_session_set_proximity_follow (HlSession *self, const char *lane_id)
{
  g_return_if_fail (HL_IS_SESSION (self));
  store_id (self, &self->proximity_follow, lane_id, PROP_PROXIMITY_FOLLOW);
}

/* The two lanes for this dataset: the ids where it has them, else the
 * defaults. FALSE when there is no dataset or the two would be one lane. */
gboolean
hl_session_get_proximity_lanes (HlSession *self, guint *lead, guint *follow)
{
  HlProximitySettings defaults;
  int a, b;

  g_return_val_if_fail (HL_IS_SESSION (self), FALSE);
  g_return_val_if_fail (lead != NULL && follow != NULL, FALSE);

  if (self->dataset == NULL || hl_dataset_get_n_lanes (self->dataset) < 2)
    return FALSE;
  hl_proximity_settings_init (&defaults, self->dataset, NULL);
  a = self->proximity_lead ? hl_dataset_find_lane (self->dataset, self->proximity_lead) : -1;
  b = self->proximity_follow ? hl_dataset_find_lane (self->dataset, self->proximity_follow) : -1;
  *lead = a >= 0 ? (guint) a : defaults.lead;
  *follow = b >= 0 ? (guint) b : defaults.follow;
  if (*lead == *follow)
    *follow = *lead == defaults.follow ? defaults.lead : defaults.follow;
  return *lead != *follow;
}

/* Tells @chart the window and lanes, for its overlay (the timeline calls
 * this for each chart it lays out). */
void
hl_session_apply_proximity (HlSession *self, HlChart *chart)
{
  guint lead, follow;

  g_return_if_fail (HL_IS_SESSION (self));
  g_return_if_fail (chart != NULL);

  if (hl_session_get_proximity_lanes (self, &lead, &follow))
    hl_chart_set_proximity (chart, lead, follow, self->proximity_window);
  hl_chart_set_span (chart, self->span_from, self->span_to);
}

/* The window and the lanes are remembered between runs. */
void
hl_session_bind_proximity (HlSession *self, GSettings *settings)
{
  g_return_if_fail (HL_IS_SESSION (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_settings_bind (settings, "proximity-window", self, "proximity-window",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "proximity-lead", self, "proximity-lead", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "proximity-follow", self, "proximity-follow",
                   G_SETTINGS_BIND_DEFAULT);
}

void
hl_session_unbind_proximity (HlSession *self)
{
  g_return_if_fail (HL_IS_SESSION (self));

  g_settings_unbind (self, "proximity-window");
  g_settings_unbind (self, "proximity-lead");
  g_settings_unbind (self, "proximity-follow");
}

/* ------------------------------------------------------------------ */
/* The selected span: Shift+drag on the chart; Enter zooms to it, Escape
 * clears it. Stored in whole days, in order. */

gboolean
hl_session_get_span (HlSession *self, gint64 *from, gint64 *to)
{
  g_return_val_if_fail (HL_IS_SESSION (self), FALSE);

  if (from != NULL)
    *from = self->span_from;
  if (to != NULL)
    *to = self->span_to;
  return self->span_to > self->span_from;
}

/* The days from @a's to @b's, both included, either way round; a span
 * inside one day is that day. */
void
hl_session_set_span (HlSession *self, gint64 a, gint64 b)
{
  gint64 from, to;

  g_return_if_fail (HL_IS_SESSION (self));

  from = hl_date_floor_day (MIN (a, b));
  to = hl_date_floor_day (MAX (a, b)) + HL_SECONDS_PER_DAY;
  if (a == b)
    from = to = 0;
  g_object_freeze_notify (G_OBJECT (self));
  if (self->span_from != from)
    {
      self->span_from = from;
      _hl_session_notify (self, PROP_SPAN_FROM);
    }
  if (self->span_to != to)
    {
      self->span_to = to;
      _hl_session_notify (self, PROP_SPAN_TO);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* TRUE if there was a span to clear. */
gboolean
hl_session_clear_span (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), FALSE);

  if (!hl_session_get_span (self, NULL, NULL))
    return FALSE;
  hl_session_set_span (self, 0, 0);
  return TRUE;
}

/* Shows the span and clears it; TRUE if there was one. */
gboolean
hl_session_zoom_to_span (HlSession *self)
{
  gint64 from, to;

  g_return_val_if_fail (HL_IS_SESSION (self), FALSE);

  if (!hl_session_get_span (self, &from, &to))
    return FALSE;
  g_object_freeze_notify (G_OBJECT (self));
  hl_session_set_range (self, from, to);
  hl_session_clear_span (self);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

/* Shift+drag on @chart: the span between two x positions on it. */
void
hl_session_set_span_x (HlSession *self, HlChart *chart, double x0, double x1)
{
  g_return_if_fail (HL_IS_SESSION (self));
  g_return_if_fail (chart != NULL);

  hl_session_set_span (self, hl_chart_x_to_time (chart, x0), hl_chart_x_to_time (chart, x1));
}

/* Whether the property named @name changes only what the overlay draws
 * over a chart (the timeline need not lay the chart out again). */
gboolean
hl_session_is_overlay_property (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);

  return g_str_has_prefix (name, "proximity-") || g_str_has_prefix (name, "span-");
}
