/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The session's proximity state (issue 12): how many days the chart and
 * the panel look before a following event (or after a leading one), and
 * which lanes lead and follow. The lanes are ids, as the lane filter's
 * are; an id the dataset lacks (or none) falls back to the analysis
 * defaults, the first money lane and the first count lane. */
#include "config.h"

#include "hl-chart-proximity.h"
#include "hl-session-private.h"

void
_hl_session_install_proximity (GObjectClass *klass)
{
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  _hl_session_properties[PROP_PROXIMITY_WINDOW] =
    g_param_spec_uint ("proximity-window", NULL, NULL, 0, HL_PROXIMITY_MAX_WINDOW,
                       HL_PROXIMITY_DEFAULT_WINDOW, rw);
  _hl_session_properties[PROP_PROXIMITY_LEAD] =
    g_param_spec_string ("proximity-lead", NULL, NULL, NULL, rw);
  _hl_session_properties[PROP_PROXIMITY_FOLLOW] =
    g_param_spec_string ("proximity-follow", NULL, NULL, NULL, rw);
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
