/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The session's filters (lanes by id, grades by name, a smallest amount)
 * and search, and what follows from them over the whole dataset: whether
 * a filter is on, what it hides, in words. Each setter notifies once,
 * through _hl_session_view_changed(). */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-describe.h"
#include "hl-session-private.h"


static const char *empty_strv[] = { NULL };

/* Whether any filter is set that means something for this dataset: a
 * hidden lane it has, a hidden grade, a smallest amount. */
gboolean
_hl_session_compute_filters_active (HlSession *self)
{
  HlLaneMask graded = hl_session_get_graded_lanes (self);

  return !hl_lane_mask_is_empty (&self->view.hidden_lanes) ||
         (self->view.hidden_confidences != 0 && !hl_lane_mask_is_empty (&graded)) ||
         self->view.min_usd > 0;
}

/* Which lanes the grade filter covers: those whose events carry grades
 * that differ. A lane of launches that are all "official" is left alone,
 * so that unticking Official does not empty it; events with no grade at
 * all do not make a lane graded. Once per dataset. */
void
_hl_session_scope_grades (HlSession *self)
{
  guint32 seen[HL_VIEW_MAX_LANES] = { 0 };   /* grade bits per lane */
  guint n = self->dataset ? hl_dataset_get_n_events (self->dataset) : 0;

  self->ungraded_lanes = (HlLaneMask) HL_LANE_MASK_INIT;
  for (guint i = 0; i < n; i++)
    {
      const HlEvent *ev = hl_dataset_get_event (self->dataset, i);

      if (ev->lane < HL_VIEW_MAX_LANES && ev->confidence != HL_CONFIDENCE_UNSPECIFIED)
        seen[ev->lane] |= 1u << ev->confidence;
    }
  for (guint lane = 0; lane < HL_VIEW_MAX_LANES; lane++)
    /* None or one bit set: a single grade */
    if ((seen[lane] & (seen[lane] - 1)) == 0)
      hl_lane_mask_set (&self->ungraded_lanes, lane);
}

/* The lanes the grade filter applies to: the filter popover says which. */
HlLaneMask
hl_session_get_graded_lanes (HlSession *self)
{
  HlLaneMask graded = HL_LANE_MASK_INIT;

  g_return_val_if_fail (HL_IS_SESSION (self), graded);

  if (self->dataset == NULL)
    return graded;
  for (guint lane = 0; lane < hl_dataset_get_n_lanes (self->dataset); lane++)
    if (!hl_lane_mask_test (&self->ungraded_lanes, lane))
      hl_lane_mask_set (&graded, lane);
  return graded;
}

/* What the filters hide in the whole dataset, and what the search
 * matches: the matches among shown events (kept, in time order, so that
 * a pan only has to look them up), and those the filters hide. One pass,
 * after the filters, the search or the dataset changed. */
void
_hl_session_count_filtered (HlSession *self)
{
  guint n_hidden = 0, n_matches_hidden = 0;
  guint n = self->dataset ? hl_dataset_get_n_events (self->dataset) : 0;
  gboolean searching = self->view.search != NULL && self->view.search[0] != '\0';
  gboolean filtering = _hl_session_compute_filters_active (self);

  g_array_set_size (self->matches, 0);
  for (guint i = 0; i < n && (searching || filtering); i++)
    {
      const HlEvent *ev = hl_dataset_get_event (self->dataset, i);
      gboolean matches = searching && hl_view_event_matches (&self->view, ev);

      if (!filtering || hl_view_shows_event (&self->view, self->dataset, ev))
        {
          if (matches)
            g_array_append_val (self->matches, i);
          continue;
        }
      n_hidden++;
      if (matches)
        n_matches_hidden++;
    }
  _hl_session_store_uint (self, &self->n_hidden, n_hidden, PROP_N_HIDDEN);
  _hl_session_store_uint (self, &self->n_matches_hidden, n_matches_hidden,
                          PROP_N_MATCHES_HIDDEN);
}

/* The first place in the matches whose event index is at least @event */
static guint
matches_lower_bound (HlSession *self, guint event)
{
  guint lo = 0, hi = self->matches->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->matches, guint, mid) < event)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The counts that follow the range and the selection: how many matches,
 * how many of them outside the view, and which one is selected. */
void
_hl_session_count_matches (HlSession *self)
{
  guint in_view = 0, position = 0;

  if (self->dataset != NULL && self->matches->len > 0)
    {
      guint first = hl_dataset_lower_bound (self->dataset, self->view.from);
      guint end = hl_dataset_lower_bound (self->dataset, self->view.to);

      in_view = matches_lower_bound (self, end) - matches_lower_bound (self, first);
      if (self->selected >= 0)
        {
          guint at = matches_lower_bound (self, self->selected);

          if (at < self->matches->len &&
              g_array_index (self->matches, guint, at) == (guint) self->selected)
            position = at + 1;
        }
    }
  _hl_session_store_uint (self, &self->n_matches, self->matches->len, PROP_N_MATCHES);
  _hl_session_store_uint (self, &self->n_matches_outside, self->matches->len - in_view,
                          PROP_N_MATCHES_OUTSIDE);
  _hl_session_store_uint (self, &self->match_position, position, PROP_MATCH_POSITION);
}

/* Matches of the search among the events the filters show, over the
 * whole dataset: the one count, whatever the view. */
guint
hl_session_get_n_matches (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), 0);
  return self->n_matches;
}

/* Of the matches, those outside the visible range. */
guint
hl_session_get_n_matches_outside (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), 0);
  return self->n_matches_outside;
}

/* Which match is selected, counted from 1 in time order; 0 when the
 * selection is not a match. */
guint
hl_session_get_match_position (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), 0);
  return self->match_position;
}

/* What the search found, as the match label says it, or NULL with no
 * search: "9 matches", "3 of 9, 1 outside the view", "No matches",
 * "1 match hidden by filters", "2 matches, 1 hidden by filters". */
char *
hl_session_describe_matches (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), NULL);

  if (self->view.search == NULL || self->view.search[0] == '\0')
    return NULL;
  return hl_describe_matches (self->n_matches, self->match_position, self->n_matches_outside,
                              self->n_matches_hidden);
}

/* ------------------------------------------------------------------ */
/* Filters and search */

const char * const *
hl_session_get_hidden_lanes (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), NULL);
  return (const char * const *) self->hidden_lanes;
}

void
hl_session_set_hidden_lanes (HlSession *self, const char * const *ids)
{
  g_return_if_fail (HL_IS_SESSION (self));

  /* Never NULL: GSettings maps the property to an "as" key. */
  if (ids == NULL)
    ids = empty_strv;
  if (g_strv_equal ((const char * const *) self->hidden_lanes, ids))
    return;
  g_object_freeze_notify (G_OBJECT (self));
  g_strfreev (self->hidden_lanes);
  self->hidden_lanes = g_strdupv ((char **) ids);
  _hl_session_notify (self, PROP_HIDDEN_LANES);
  _hl_session_view_changed (self);
  g_object_thaw_notify (G_OBJECT (self));
}

void
hl_session_set_lane_visible (HlSession *self, guint lane, gboolean visible)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) ids = NULL;
  const char *id;

  g_return_if_fail (HL_IS_SESSION (self));
  g_return_if_fail (self->dataset != NULL);
  g_return_if_fail (lane < hl_dataset_get_n_lanes (self->dataset));

  if (!hl_view_lane_visible (&self->view, lane) == !visible)
    return;
  id = hl_dataset_get_lane (self->dataset, lane)->id;
  builder = g_strv_builder_new ();
  for (guint i = 0; self->hidden_lanes[i] != NULL; i++)
    if (g_strcmp0 (self->hidden_lanes[i], id) != 0)
      g_strv_builder_add (builder, self->hidden_lanes[i]);
  if (!visible)
    g_strv_builder_add (builder, id);
  ids = g_strv_builder_end (builder);
  hl_session_set_hidden_lanes (self, (const char * const *) ids);
}

const char * const *
hl_session_get_hidden_confidences (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), NULL);
  return (const char * const *) self->hidden_confidences;
}

void
hl_session_set_hidden_confidences (HlSession *self, const char * const *names)
{
  g_return_if_fail (HL_IS_SESSION (self));

  if (names == NULL)
    names = empty_strv;
  if (g_strv_equal ((const char * const *) self->hidden_confidences, names))
    return;
  g_object_freeze_notify (G_OBJECT (self));
  g_strfreev (self->hidden_confidences);
  self->hidden_confidences = g_strdupv ((char **) names);
  _hl_session_notify (self, PROP_HIDDEN_CONFIDENCES);
  _hl_session_view_changed (self);
  g_object_thaw_notify (G_OBJECT (self));
}

void
hl_session_set_confidence_visible (HlSession    *self,
                                   HlConfidence  confidence,
                                   gboolean      visible)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) names = NULL;

  g_return_if_fail (HL_IS_SESSION (self));
  g_return_if_fail (confidence > HL_CONFIDENCE_UNSPECIFIED && confidence < HL_N_CONFIDENCES);

  if (((self->view.hidden_confidences & (1u << confidence)) == 0) == !!visible)
    return;
  builder = g_strv_builder_new ();
  for (guint c = HL_CONFIDENCE_OFFICIAL; c < HL_N_CONFIDENCES; c++)
    {
      gboolean hidden = (self->view.hidden_confidences & (1u << c)) != 0;

      if (c == confidence)
        hidden = !visible;
      if (hidden)
        g_strv_builder_add (builder, hl_confidence_to_string (c));
    }
  names = g_strv_builder_end (builder);
  hl_session_set_hidden_confidences (self, (const char * const *) names);
}

double
hl_session_get_min_usd (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), 0);
  return self->view.min_usd;
}

void
hl_session_set_min_usd (HlSession *self, double min_usd)
{
  g_return_if_fail (HL_IS_SESSION (self));

  min_usd = MAX (min_usd, 0);
  if (self->view.min_usd == min_usd)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  self->view.min_usd = min_usd;
  _hl_session_notify (self, PROP_MIN_USD);
  _hl_session_view_changed (self);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
hl_session_get_search (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), NULL);
  return self->view.search;
}

/* "" and NULL both mean no search. */
void
hl_session_set_search (HlSession *self, const char *search)
{
  g_return_if_fail (HL_IS_SESSION (self));

  if (search != NULL && search[0] == '\0')
    search = NULL;
  if (g_strcmp0 (self->view.search, search) == 0)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  g_free (self->view.search);
  self->view.search = g_strdup (search);
  _hl_session_notify (self, PROP_SEARCH);
  _hl_session_view_changed (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Whether a filter is on (a hidden lane, a hidden grade, a smallest
 * amount): the window, the panel and the filter popover say so. */
gboolean
hl_session_get_filters_active (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), FALSE);
  return self->filters_active;
}

/* Shows every lane, every grade and every amount again. */
void
hl_session_reset_filters (HlSession *self)
{
  g_return_if_fail (HL_IS_SESSION (self));

  g_object_freeze_notify (G_OBJECT (self));
  hl_session_set_hidden_lanes (self, NULL);
  hl_session_set_hidden_confidences (self, NULL);
  hl_session_set_min_usd (self, 0);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Events the filters hide, over the whole dataset. */
guint
hl_session_get_n_hidden (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), 0);
  return self->n_hidden;
}

/* Events that match the search but that the filters hide. */
guint
hl_session_get_n_matches_hidden (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), 0);
  return self->n_matches_hidden;
}

/* What the filters hide, in words, or NULL when no filter is on:
 * "Filters hide 3 events: Missile and satellite launches, Disputed,
 * amounts below $5.0 million". */
char *
hl_session_describe_filters (HlSession *self)
{
  g_autofree char *what = NULL;
  g_autofree char *events = NULL;

  g_return_val_if_fail (HL_IS_SESSION (self), NULL);

  if (!self->filters_active)
    return NULL;
  what = hl_describe_filter_list (self->dataset, &self->view);
  if (what == NULL)
    return NULL;
  if (self->n_hidden == 0)
    /* TRANSLATORS: %s lists the filters that are on */
    return g_strdup_printf (_("Filters on, hiding nothing here: %s"), what);
  events = hl_describe_events (self->n_hidden);
  /* TRANSLATORS: "Filters hide 3 events: Disputed, amounts below $5.0 million" */
  return g_strdup_printf (_("Filters hide %s: %s"), events, what);
}

/* The read-only properties this file keeps: the search's matches and
 * what the filters hide. FALSE for any other. */
gboolean
_hl_session_get_filter_property (HlSession *self, guint prop_id, GValue *value)
{
  switch (prop_id)
    {
    case PROP_N_MATCHES:
      g_value_set_uint (value, self->n_matches);
      break;
    case PROP_N_MATCHES_OUTSIDE:
      g_value_set_uint (value, self->n_matches_outside);
      break;
    case PROP_MATCH_POSITION:
      g_value_set_uint (value, self->match_position);
      break;
    case PROP_N_MATCHES_HIDDEN:
      g_value_set_uint (value, self->n_matches_hidden);
      break;
    case PROP_N_HIDDEN:
      g_value_set_uint (value, self->n_hidden);
      break;
    case PROP_FILTERS_ACTIVE:
      g_value_set_boolean (value, self->filters_active);
      break;
    default:
      return FALSE;
    }
  return TRUE;
}
