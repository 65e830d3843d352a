/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The session: the view state of one window as a plain GObject (no
 * widgets), after sysprof's SysprofSession. Every setter compares, stores
 * and notifies; whatever changes what is shown goes through
 * _hl_session_view_changed(), which derives the rest (the lane mask, a selection the
 * filters now hide, the match count, the totals) and notifies what moved.
 * Notifications are frozen around each change, so each property notifies
 * once however many steps touched it. */
#include "config.h"

#include "hl-session-private.h"

GParamSpec *_hl_session_properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HlSession, hl_session, G_TYPE_OBJECT)

void
_hl_session_notify (HlSession *self, guint prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), _hl_session_properties[prop]);
}

/* ------------------------------------------------------------------ */
/* Derived state */

/* The view's bit masks, from the ids and names, for this dataset. */
static void
derive_masks (HlSession *self)
{
  self->view.hidden_lanes = (HlLaneMask) HL_LANE_MASK_INIT;
  if (self->dataset != NULL)
    for (guint i = 0; self->hidden_lanes[i] != NULL; i++)
      {
        int lane = hl_dataset_find_lane (self->dataset, self->hidden_lanes[i]);

        if (lane >= 0)
          hl_lane_mask_set (&self->view.hidden_lanes, lane);
      }

  self->view.ungraded_lanes = self->ungraded_lanes;
  self->view.hidden_confidences = 0;
  for (guint i = 0; self->hidden_confidences[i] != NULL; i++)
    for (guint c = HL_CONFIDENCE_OFFICIAL; c < HL_N_CONFIDENCES; c++)
      if (g_strcmp0 (self->hidden_confidences[i], hl_confidence_to_string (c)) == 0)
        self->view.hidden_confidences |= 1u << c;
}

static gboolean
lane_totals_equal (const HlLaneTotals *a, const HlLaneTotals *b)
{
  return a->n_events == b->n_events && a->usd == b->usd && a->count == b->count &&
         a->n_unknown == b->n_unknown && a->n_matches == b->n_matches;
}

/* Field by field: the struct has padding, which memcmp would read. */
static gboolean
totals_equal (const HlTotals *a, const HlTotals *b)
{
  for (guint i = 0; i < HL_VIEW_MAX_LANES; i++)
    if (!lane_totals_equal (&a->lanes[i], &b->lanes[i]))
      return FALSE;
  return a->usd == b->usd && a->n_usd_events == b->n_usd_events &&
         a->n_count_events == b->n_count_events && a->count == b->count &&
         a->n_unknown == b->n_unknown && a->n_matches == b->n_matches;
}

void
_hl_session_store_uint (HlSession *self, guint *field, guint value, guint prop)
{
  if (*field == value)
    return;
  *field = value;
  _hl_session_notify (self, prop);
}

static void
store_selected (HlSession *self, int index)
{
  const char *id = NULL;

  if (self->dataset == NULL || index < 0 ||
      index >= (int) hl_dataset_get_n_events (self->dataset))
    index = -1;
  if (index >= 0)
    id = hl_dataset_get_event (self->dataset, index)->id;
  _hl_session_keep_bin (self, index);
  if (index != self->selected)
    {
      self->selected = index;
      _hl_session_notify (self, PROP_SELECTED);
    }
  if (g_strcmp0 (id, self->selected_id) != 0)
    {
      g_free (self->selected_id);
      self->selected_id = g_strdup (id);
      _hl_session_notify (self, PROP_SELECTED_ID);
    }  _hl_session_count_matches (self);
}

static void
store_hover (HlSession *self, int event)
{
  if (self->hover == event)
    return;
  self->hover = event;
  _hl_session_notify (self, PROP_HOVER);
}

/* After anything in what is shown changed (dataset, range, filters,
 * search): drops a selection the filters now hide, recomputes the match
 * count and the totals. Called with notifications frozen. */
static void
view_changed_full (HlSession *self, gboolean filters_changed)
{
  HlTotals totals = { 0 };
  gboolean active;

  derive_masks (self);
  active = self->dataset != NULL && _hl_session_compute_filters_active (self);
  if (active != self->filters_active)
    {
      self->filters_active = active;
      _hl_session_notify (self, PROP_FILTERS_ACTIVE);
    }
  if (filters_changed)
    _hl_session_count_filtered (self);
  if (self->selected >= 0 &&
      !hl_view_shows_event (&self->view, self->dataset,
                            hl_dataset_get_event (self->dataset, self->selected)))
    store_selected (self, -1);

  if (self->dataset != NULL)
    {
      hl_totals_compute (&totals, self->dataset, &self->view);
    }
  _hl_session_count_matches (self);
  if (!totals_equal (&totals, &self->totals))
    {
      self->totals = totals;
      _hl_session_notify (self, PROP_TOTALS);
    }
}

/* After a change of the filters, the search or the dataset */
void
_hl_session_view_changed (HlSession *self)
{
  view_changed_full (self, TRUE);
}

/* Moves the range, clamped, notifying from/to if they moved; TRUE if
 * anything did. Called with notifications frozen. */
static gboolean
move_range (HlSession *self, gint64 from, gint64 to)
{
  gint64 old_from = self->view.from, old_to = self->view.to;

  hl_view_set_range (&self->view, from, to);
  if (self->view.from != old_from)
    _hl_session_notify (self, PROP_FROM);
  if (self->view.to != old_to)
    _hl_session_notify (self, PROP_TO);
  return self->view.from != old_from || self->view.to != old_to;
}

static void
store_range (HlSession *self, gint64 from, gint64 to)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (move_range (self, from, to))
    view_changed_full (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));
}

/* ------------------------------------------------------------------ */
/* Dataset and file */

HlSession *
hl_session_new (void)
{
  return g_object_new (HL_TYPE_SESSION, NULL);
}

HlDataset *
hl_session_get_dataset (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), NULL);
  return self->dataset;
}

/* Shows @dataset from its default range with nothing selected; the
 * filters and the search stay. */
void
hl_session_set_dataset (HlSession *self, HlDataset *dataset)
{
  gint64 from, to;

  g_return_if_fail (HL_IS_SESSION (self));
  g_return_if_fail (dataset == NULL || HL_IS_DATASET (dataset));

  if (self->dataset == dataset)
    return;

  /* Another file opened: only it is shown (hl-session-sources.c) */
  g_ptr_array_set_size (self->added, 0);
  g_set_object (&self->base, dataset);
  g_object_freeze_notify (G_OBJECT (self));
  store_selected (self, -1);
  store_hover (self, -1);
  g_set_object (&self->dataset, dataset);
  _hl_session_notify (self, PROP_DATASET);
  _hl_session_scope_grades (self);
  if (dataset != NULL)
    hl_dataset_get_default_range (dataset, &from, &to);
  else
    {
      HlView fresh;

      hl_view_init (&fresh, NULL);
      from = fresh.from;
      to = fresh.to;
    }
  move_range (self, from, to);
  _hl_session_view_changed (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Swaps in a new version of the same file (a live reload): the range,
 * the filters and the search stay, and the selection follows its id.
 * Files added beside it stay beside it. */
void
hl_session_replace_dataset (HlSession *self, HlDataset *dataset)
{
  g_return_if_fail (HL_IS_SESSION (self));
  g_return_if_fail (HL_IS_DATASET (dataset));

  if (self->dataset == dataset || self->base == dataset)
    return;
  g_set_object (&self->base, dataset);
  _hl_session_recompose (self);
}

/* Shows @dataset, composed of the files shown, in place of the last: as
 * a reload does. */
void
_hl_session_swap_dataset (HlSession *self, HlDataset *dataset)
{
  g_autofree char *selected_id = NULL;

  g_assert (HL_IS_DATASET (dataset));
  if (self->dataset == dataset)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  selected_id = g_strdup (self->selected_id);
  store_hover (self, -1);
  g_set_object (&self->dataset, dataset);
  _hl_session_notify (self, PROP_DATASET);
  _hl_session_scope_grades (self);
  /* The same event may sit at another index now: look it up by id. */
  store_selected (self, selected_id ? hl_dataset_find_event (dataset, selected_id) : -1);
  _hl_session_view_changed (self);
  g_object_thaw_notify (G_OBJECT (self));
}

GFile *
hl_session_get_file (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), NULL);
  return self->file;
}

/* The file the dataset came from; NULL: bundled or built in memory. */
void
hl_session_set_file (HlSession *self, GFile *file)
{
  g_return_if_fail (HL_IS_SESSION (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->file == file || (self->file && file && g_file_equal (self->file, file)))
    return;
  g_set_object (&self->file, file);
  _hl_session_notify (self, PROP_FILE);
}

const HlView *
hl_session_get_view (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), NULL);
  return &self->view;
}

/* ------------------------------------------------------------------ */
/* Range */

gint64
hl_session_get_from (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), 0);
  return self->view.from;
}

gint64
hl_session_get_to (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), 0);
  return self->view.to;
}

/* Shows [@from, @to), kept between a day and thirty years wide. */
void
hl_session_set_range (HlSession *self, gint64 from, gint64 to)
{
  g_return_if_fail (HL_IS_SESSION (self));
  store_range (self, from, to);
}

/* Whether a gesture (a drag, the wheel, a pinch) is moving the view:
 * what only sums the view up (the panel, the timeline's description)
 * may then follow it a few times a second, and exactly once it ends. */
gboolean
hl_session_get_moving (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), FALSE);
  return self->moving;
}

void
hl_session_set_moving (HlSession *self, gboolean moving)
{
  g_return_if_fail (HL_IS_SESSION (self));
  if (self->moving == !!moving)
    return;
  self->moving = !!moving;
  _hl_session_notify (self, PROP_MOVING);
}

/* Zooms by @factor (> 1: in) keeping the time at @anchor (0: the plot's
 * left edge, 1: its right edge) in place. */
void
hl_session_zoom (HlSession *self, double factor, double anchor)
{
  HlView view;

  g_return_if_fail (HL_IS_SESSION (self));
  g_return_if_fail (factor > 0);

  view = self->view;
  hl_view_zoom (&view, factor, anchor);
  store_range (self, view.from, view.to);
}

/* Moves the range by @fraction of its span (> 0: later). */
void
hl_session_pan (HlSession *self, double fraction)
{
  HlView view;

  g_return_if_fail (HL_IS_SESSION (self));

  view = self->view;
  hl_view_pan (&view, fraction);
  store_range (self, view.from, view.to);
}

void
hl_session_fit_all (HlSession *self)
{
  HlView view;

  g_return_if_fail (HL_IS_SESSION (self));

  if (self->dataset == NULL)
    return;
  view = self->view;
  hl_view_fit_all (&view, self->dataset);
  store_range (self, view.from, view.to);
}

/* Back to the dataset's default range. */
void
hl_session_reset_range (HlSession *self)
{
  gint64 from, to;

  g_return_if_fail (HL_IS_SESSION (self));

  if (self->dataset == NULL)
    return;
  hl_dataset_get_default_range (self->dataset, &from, &to);
  store_range (self, from, to);
}

gboolean
hl_session_get_show_cumulative (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), FALSE);
  return self->view.show_cumulative;
}

void
hl_session_set_show_cumulative (HlSession *self, gboolean show)
{
  g_return_if_fail (HL_IS_SESSION (self));

  show = !!show;
  if (self->view.show_cumulative == (guint) show)
    return;
  self->view.show_cumulative = show;
  _hl_session_notify (self, PROP_SHOW_CUMULATIVE);
}

/* How lanes group their events and the money lanes' scale (issue 10):
 * settings, the window's View menu and the export dialog set them; as
 * properties they are the names of hl_bins_to_string() and
 * hl_money_scale_to_string(), as GSettings stores them. */
HlBins
hl_session_get_bins (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), HL_BINS_MARKS);
  return self->view.bins;
}

void
hl_session_set_bins (HlSession *self, HlBins bins)
{
  g_return_if_fail (HL_IS_SESSION (self));
  g_return_if_fail (hl_bins_to_string (bins) != NULL);

  if (self->view.bins == bins)
    return;
  self->view.bins = bins;
  _hl_session_notify (self, PROP_BINS);
}

HlMoneyScale
hl_session_get_money_scale (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), HL_MONEY_LINEAR);
  return self->view.money_scale;
}

void
hl_session_set_money_scale (HlSession *self, HlMoneyScale scale)
{
  g_return_if_fail (HL_IS_SESSION (self));
  g_return_if_fail (hl_money_scale_to_string (scale) != NULL);

  if (self->view.money_scale == scale)
    return;
  self->view.money_scale = scale;
  _hl_session_notify (self, PROP_MONEY_SCALE);
}

/* A name that is none of the choices (a settings backend written by
 * hand) leaves the value as it was. */
static void
set_bins_name (HlSession *self, const char *name)
{
  HlBins bins;

  if (hl_bins_from_string (name, &bins))
    hl_session_set_bins (self, bins);
}

static void
set_money_scale_name (HlSession *self, const char *name)
{
  HlMoneyScale scale;

  if (hl_money_scale_from_string (name, &scale))
    hl_session_set_money_scale (self, scale);
}

/* ------------------------------------------------------------------ */
/* Selection and hover */

int
hl_session_get_selected (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), -1);
  return self->selected;
}

/* Selects @event (-1: nothing) where it is, without panning. */
void
hl_session_set_selected (HlSession *self, int event)
{
  g_return_if_fail (HL_IS_SESSION (self));

  g_object_freeze_notify (G_OBJECT (self));
  store_selected (self, event);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Selects @event (-1: nothing) and pans so that it can be seen. */
void
hl_session_select (HlSession *self, int event)
{
  HlView view;

  g_return_if_fail (HL_IS_SESSION (self));

  g_object_freeze_notify (G_OBJECT (self));
  store_selected (self, event);
  if (self->selected >= 0)
    {
      view = self->view;
      hl_view_ensure_visible (&view, hl_dataset_get_event (self->dataset, self->selected)->time);
      store_range (self, view.from, view.to);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
hl_session_get_selected_id (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), NULL);
  return self->selected_id;
}

void
hl_session_set_selected_id (HlSession *self, const char *id)
{
  g_return_if_fail (HL_IS_SESSION (self));

  if (id == NULL || self->dataset == NULL)
    hl_session_select (self, -1);
  else
    hl_session_select (self, hl_dataset_find_event (self->dataset, id));
}

int
hl_session_get_hover (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), -1);
  return self->hover;
}

void
hl_session_set_hover (HlSession *self, int event)
{
  g_return_if_fail (HL_IS_SESSION (self));
  store_hover (self, event);
}

/* Selects the next (@direction > 0) or previous shown event in time;
 * FALSE when there is none. */
gboolean
hl_session_step_event (HlSession *self, int direction)
{
  int next;

  g_return_val_if_fail (HL_IS_SESSION (self), FALSE);

  if (self->dataset == NULL)
    return FALSE;
  next = hl_view_step_event (&self->view, self->dataset, self->selected, direction);
  if (next < 0)
    return FALSE;
  hl_session_select (self, next);
  return TRUE;
}

/* Selects the nearest event in the lane below (@direction > 0) or above. */
gboolean
hl_session_step_lane (HlSession *self, int direction)
{
  int next;

  g_return_val_if_fail (HL_IS_SESSION (self), FALSE);

  if (self->dataset == NULL)
    return FALSE;
  next = hl_view_step_lane (&self->view, self->dataset, self->selected, direction);
  if (next < 0 || next == self->selected)
    return FALSE;
  hl_session_select (self, next);
  return TRUE;
}

/* Selects the next or previous match and brings it into view. */
gboolean
hl_session_step_match (HlSession *self, int direction)
{
  int next;

  g_return_val_if_fail (HL_IS_SESSION (self), FALSE);

  if (self->dataset == NULL)
    return FALSE;
  next = hl_view_step_match (&self->view, self->dataset, self->selected, direction);
  if (next < 0)
    return FALSE;
  hl_session_select (self, next);
  return TRUE;
}

/* Totals over what is shown, computed without laying out a chart. */
const HlTotals *
hl_session_get_totals (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), NULL);
  return &self->totals;
}

/* ------------------------------------------------------------------ */
/* GObject */

static void
hl_session_dispose (GObject *object)
{
  HlSession *self = HL_SESSION (object);

  _hl_session_notes_finalize (self);
  g_clear_pointer (&self->added, g_ptr_array_unref);
  g_clear_object (&self->base);
  g_clear_object (&self->dataset);
  g_clear_object (&self->file);
  G_OBJECT_CLASS (hl_session_parent_class)->dispose (object);
}

static void
hl_session_finalize (GObject *object)
{
  HlSession *self = HL_SESSION (object);

  hl_view_clear (&self->view);
  g_strfreev (self->hidden_lanes);
  g_strfreev (self->hidden_confidences);
  g_free (self->selected_id);
  g_free (self->proximity_lead);
  g_free (self->proximity_follow);
  g_array_unref (self->matches);
  G_OBJECT_CLASS (hl_session_parent_class)->finalize (object);
}

static void
hl_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HlSession *self = HL_SESSION (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_FROM:
      g_value_set_int64 (value, self->view.from);
      break;
    case PROP_TO:
      g_value_set_int64 (value, self->view.to);
      break;
    case PROP_HIDDEN_LANES:
      g_value_set_boxed (value, self->hidden_lanes);
      break;
    case PROP_HIDDEN_CONFIDENCES:
      g_value_set_boxed (value, self->hidden_confidences);
      break;
    case PROP_MIN_USD:
      g_value_set_double (value, self->view.min_usd);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->view.search);
      break;
    case PROP_BINS:
      g_value_set_string (value, hl_bins_to_string (self->view.bins));
      break;
    case PROP_MONEY_SCALE:
      g_value_set_string (value, hl_money_scale_to_string (self->view.money_scale));
      break;
    case PROP_SHOW_CUMULATIVE:
      g_value_set_boolean (value, self->view.show_cumulative);
      break;
    case PROP_SELECTED:
      g_value_set_int (value, self->selected);
      break;
    case PROP_SELECTED_ID:
      g_value_set_string (value, self->selected_id);
      break;
    case PROP_HOVER:
      g_value_set_int (value, self->hover);
      break;
    case PROP_TOTALS:
      g_value_set_pointer (value, &self->totals);
      break;
    case PROP_MOVING:
      g_value_set_boolean (value, self->moving);
      break;
    default:
      if (!_hl_session_get_filter_property (self, prop_id, value) &&
          !_hl_session_get_proximity_property (self, prop_id, value) &&
          !_hl_session_notes_get_property (self, prop_id, value) &&
          !_hl_session_get_bin_property (self, prop_id, value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HlSession *self = HL_SESSION (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      hl_session_set_dataset (self, g_value_get_object (value));
      break;
    case PROP_FILE:
      hl_session_set_file (self, g_value_get_object (value));
      break;
    case PROP_FROM:
      hl_session_set_range (self, g_value_get_int64 (value), self->view.to);
      break;
    case PROP_TO:
      hl_session_set_range (self, self->view.from, g_value_get_int64 (value));
      break;
    case PROP_HIDDEN_LANES:
      hl_session_set_hidden_lanes (self, g_value_get_boxed (value));
      break;
    case PROP_HIDDEN_CONFIDENCES:
      hl_session_set_hidden_confidences (self, g_value_get_boxed (value));
      break;
    case PROP_MIN_USD:
      hl_session_set_min_usd (self, g_value_get_double (value));
      break;
    case PROP_SEARCH:
      hl_session_set_search (self, g_value_get_string (value));
      break;
    case PROP_SHOW_CUMULATIVE:
      hl_session_set_show_cumulative (self, g_value_get_boolean (value));
      break;
    case PROP_BINS:
      set_bins_name (self, g_value_get_string (value));
      break;
    case PROP_MONEY_SCALE:
      set_money_scale_name (self, g_value_get_string (value));
      break;
    case PROP_SELECTED:
      hl_session_set_selected (self, g_value_get_int (value));
      break;
    case PROP_SELECTED_ID:
      hl_session_set_selected_id (self, g_value_get_string (value));
      break;
    case PROP_HOVER:
      hl_session_set_hover (self, g_value_get_int (value));
      break;
    default:
      if (!_hl_session_set_proximity_property (self, prop_id, value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_session_class_init (HlSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = hl_session_dispose;
  object_class->finalize = hl_session_finalize;
  object_class->get_property = hl_session_get_property;
  object_class->set_property = hl_session_set_property;

  _hl_session_properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, HL_TYPE_DATASET, rw);
  _hl_session_properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, rw);
  _hl_session_properties[PROP_FROM] =
    g_param_spec_int64 ("from", NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
  _hl_session_properties[PROP_TO] =
    g_param_spec_int64 ("to", NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
  _hl_session_properties[PROP_HIDDEN_LANES] =
    g_param_spec_boxed ("hidden-lanes", NULL, NULL, G_TYPE_STRV, rw);
  _hl_session_properties[PROP_HIDDEN_CONFIDENCES] =
    g_param_spec_boxed ("hidden-confidences", NULL, NULL, G_TYPE_STRV, rw);
  _hl_session_properties[PROP_MIN_USD] =
    g_param_spec_double ("min-usd", NULL, NULL, 0, G_MAXDOUBLE, 0, rw);
  _hl_session_properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL, rw);
  _hl_session_properties[PROP_SHOW_CUMULATIVE] =
    g_param_spec_boolean ("show-cumulative", NULL, NULL, FALSE, rw);
  _hl_session_properties[PROP_BINS] =
    g_param_spec_string ("bins", NULL, NULL, "marks", rw);
  _hl_session_properties[PROP_MONEY_SCALE] =
    g_param_spec_string ("money-scale", NULL, NULL, "linear", rw);
  _hl_session_properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, -1, G_MAXINT, -1, rw);
  _hl_session_properties[PROP_SELECTED_ID] =
    g_param_spec_string ("selected-id", NULL, NULL, NULL, rw);
  _hl_session_properties[PROP_HOVER] =
    g_param_spec_int ("hover", NULL, NULL, -1, G_MAXINT, -1, rw);
  _hl_session_properties[PROP_N_MATCHES] =
    g_param_spec_uint ("n-matches", NULL, NULL, 0, G_MAXUINT, 0, ro);
  _hl_session_properties[PROP_N_MATCHES_OUTSIDE] =
    g_param_spec_uint ("n-matches-outside", NULL, NULL, 0, G_MAXUINT, 0, ro);
  _hl_session_properties[PROP_MATCH_POSITION] =
    g_param_spec_uint ("match-position", NULL, NULL, 0, G_MAXUINT, 0, ro);
  _hl_session_properties[PROP_N_MATCHES_HIDDEN] =
    g_param_spec_uint ("n-matches-hidden", NULL, NULL, 0, G_MAXUINT, 0, ro);
  _hl_session_properties[PROP_N_HIDDEN] =
    g_param_spec_uint ("n-hidden", NULL, NULL, 0, G_MAXUINT, 0, ro);
  _hl_session_properties[PROP_FILTERS_ACTIVE] =
    g_param_spec_boolean ("filters-active", NULL, NULL, FALSE, ro);
  /**
   * HlSession:totals: (type gpointer)
   *
   * The #HlTotals of what is shown; notified when they change.
   */
  _hl_session_properties[PROP_TOTALS] =
    g_param_spec_pointer ("totals", NULL, NULL, ro);
  _hl_session_properties[PROP_MOVING] =
    g_param_spec_boolean ("moving", NULL, NULL, FALSE, ro);
  _hl_session_install_proximity (object_class);
  _hl_session_notes_install (object_class);
  _hl_session_install_bin (object_class);
  g_object_class_install_properties (object_class, N_PROPS, _hl_session_properties);
}

static void
hl_session_init (HlSession *self)
{
  self->selected = -1;
  self->hover = -1;
  self->proximity_window = HL_PROXIMITY_DEFAULT_WINDOW;
  self->hidden_lanes = g_new0 (char *, 1);
  self->hidden_confidences = g_new0 (char *, 1);
  self->matches = g_array_new (FALSE, FALSE, sizeof (guint));
  hl_view_init (&self->view, NULL);
  _hl_session_notes_init (self);
  _hl_session_sources_init (self);
}

/* Makes @observer follow @session: *@slot takes a reference to @session
 * (or to none, with NULL, as a dispose does) and @on_notify is called,
 * swapped, with each of its "notify"s; the session followed before is let
 * go. */
void
hl_session_observe (HlSession **slot, HlSession *session, gpointer observer,
                    GCallback on_notify)
{
  g_return_if_fail (slot != NULL && observer != NULL && on_notify != NULL);
  g_return_if_fail (session == NULL || HL_IS_SESSION (session));

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, (gpointer) on_notify, observer);
  g_set_object (slot, session);
  if (session != NULL)
    g_signal_connect_object (session, "notify", on_notify, observer, G_CONNECT_SWAPPED);
}
