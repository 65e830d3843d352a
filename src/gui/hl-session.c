/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The session: the view state of one window as a plain GObject (no
 * widgets), after sysprof's SysprofSession. Every setter compares, stores
 * and notifies; whatever changes what is shown goes through
 * view_changed(), which derives the rest (the lane mask, a selection the
 * filters now hide, the match count, the totals) and notifies what moved.
 * Notifications are frozen around each change, so each property notifies
 * once however many steps touched it. */
#include "config.h"

#include "hl-session.h"

struct _HlSession
{
  GObject     parent_instance;

  HlDataset  *dataset;
  GFile      *file;
  HlView      view;
  char      **hidden_lanes;        /* lane ids: the one form of the filter */
  char      **hidden_confidences;  /* confidence names */

  int         selected;
  char       *selected_id;
  int         hover;

  guint       n_matches;
  HlTotals    totals;
};

enum
{
  PROP_0,
  PROP_DATASET,
  PROP_FILE,
  PROP_FROM,
  PROP_TO,
  PROP_HIDDEN_LANES,
  PROP_HIDDEN_CONFIDENCES,
  PROP_MIN_USD,
  PROP_SEARCH,
  PROP_SHOW_CUMULATIVE,
  PROP_SELECTED,
  PROP_SELECTED_ID,
  PROP_HOVER,
  PROP_N_MATCHES,
  PROP_TOTALS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static const char *empty_strv[] = { NULL };

G_DEFINE_FINAL_TYPE (HlSession, hl_session, G_TYPE_OBJECT)

static void
notify (HlSession *self, guint prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* ------------------------------------------------------------------ */
/* Derived state */

/* The view's bit masks, from the ids and names, for this dataset. */
static void
derive_masks (HlSession *self)
{
  self->view.hidden_lanes = 0;
  if (self->dataset != NULL)
    for (guint i = 0; self->hidden_lanes[i] != NULL; i++)
      {
        int lane = hl_dataset_find_lane (self->dataset, self->hidden_lanes[i]);

        if (lane >= 0 && lane < HL_DATASET_MAX_LANES)
          self->view.hidden_lanes |= 1u << lane;
      }

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
  for (guint i = 0; i < HL_DATASET_MAX_LANES; i++)
    if (!lane_totals_equal (&a->lanes[i], &b->lanes[i]))
      return FALSE;
  return a->usd == b->usd && a->n_usd_events == b->n_usd_events &&
         a->n_count_events == b->n_count_events && a->count == b->count &&
         a->n_unknown == b->n_unknown && a->n_matches == b->n_matches;
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
  if (index != self->selected)
    {
      self->selected = index;
      notify (self, PROP_SELECTED);
    }
  if (g_strcmp0 (id, self->selected_id) != 0)
    {
      g_free (self->selected_id);
      self->selected_id = g_strdup (id);
      notify (self, PROP_SELECTED_ID);
    }
}

static void
store_hover (HlSession *self, int event)
{
  if (self->hover == event)
    return;
  self->hover = event;
  notify (self, PROP_HOVER);
}

/* After anything in what is shown changed (dataset, range, filters,
 * search): drops a selection the filters now hide, recomputes the match
 * count and the totals. Called with notifications frozen. */
static void
view_changed (HlSession *self)
{
  HlTotals totals = { 0 };
  guint n_matches = 0;

  derive_masks (self);
  if (self->selected >= 0 &&
      !hl_view_shows_event (&self->view, self->dataset,
                            hl_dataset_get_event (self->dataset, self->selected)))
    store_selected (self, -1);

  if (self->dataset != NULL)
    {
      n_matches = hl_view_count_matches (&self->view, self->dataset);
      hl_totals_compute (&totals, self->dataset, &self->view);
    }
  if (n_matches != self->n_matches)
    {
      self->n_matches = n_matches;
      notify (self, PROP_N_MATCHES);
    }
  if (!totals_equal (&totals, &self->totals))
    {
      self->totals = totals;
      notify (self, PROP_TOTALS);
    }
}

/* Moves the range, clamped, notifying from/to if they moved; TRUE if
 * anything did. Called with notifications frozen. */
static gboolean
move_range (HlSession *self, gint64 from, gint64 to)
{
  gint64 old_from = self->view.from, old_to = self->view.to;

  hl_view_set_range (&self->view, from, to);
  if (self->view.from != old_from)
    notify (self, PROP_FROM);
  if (self->view.to != old_to)
    notify (self, PROP_TO);
  return self->view.from != old_from || self->view.to != old_to;
}

static void
store_range (HlSession *self, gint64 from, gint64 to)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (move_range (self, from, to))
    view_changed (self);
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

  g_object_freeze_notify (G_OBJECT (self));
  store_selected (self, -1);
  store_hover (self, -1);
  g_set_object (&self->dataset, dataset);
  notify (self, PROP_DATASET);
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
  view_changed (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Swaps in a new version of the same file (a live reload): the range,
 * the filters and the search stay, and the selection follows its id. */
void
hl_session_replace_dataset (HlSession *self, HlDataset *dataset)
{
  g_autofree char *selected_id = NULL;

  g_return_if_fail (HL_IS_SESSION (self));
  g_return_if_fail (HL_IS_DATASET (dataset));

  if (self->dataset == dataset)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  selected_id = g_strdup (self->selected_id);
  store_hover (self, -1);
  g_set_object (&self->dataset, dataset);
  notify (self, PROP_DATASET);
  /* The same event may sit at another index now: look it up by id. */
  store_selected (self, selected_id ? hl_dataset_find_event (dataset, selected_id) : -1);
  view_changed (self);
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
  notify (self, PROP_FILE);
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
  notify (self, PROP_HIDDEN_LANES);
  view_changed (self);
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
  notify (self, PROP_HIDDEN_CONFIDENCES);
  view_changed (self);
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
  notify (self, PROP_MIN_USD);
  view_changed (self);
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
  notify (self, PROP_SEARCH);
  view_changed (self);
  g_object_thaw_notify (G_OBJECT (self));
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
  notify (self, PROP_SHOW_CUMULATIVE);
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

/* Matches among the events shown in the range. */
guint
hl_session_get_n_matches (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), 0);
  return self->n_matches;
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
    case PROP_N_MATCHES:
      g_value_set_uint (value, self->n_matches);
      break;
    case PROP_TOTALS:
      g_value_set_pointer (value, &self->totals);
      break;
    default:
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

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, HL_TYPE_DATASET, rw);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, rw);
  properties[PROP_FROM] =
    g_param_spec_int64 ("from", NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
  properties[PROP_TO] =
    g_param_spec_int64 ("to", NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
  properties[PROP_HIDDEN_LANES] =
    g_param_spec_boxed ("hidden-lanes", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_HIDDEN_CONFIDENCES] =
    g_param_spec_boxed ("hidden-confidences", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_MIN_USD] =
    g_param_spec_double ("min-usd", NULL, NULL, 0, G_MAXDOUBLE, 0, rw);
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL, rw);
  properties[PROP_SHOW_CUMULATIVE] =
    g_param_spec_boolean ("show-cumulative", NULL, NULL, FALSE, rw);
  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, -1, G_MAXINT, -1, rw);
  properties[PROP_SELECTED_ID] =
    g_param_spec_string ("selected-id", NULL, NULL, NULL, rw);
  properties[PROP_HOVER] =
    g_param_spec_int ("hover", NULL, NULL, -1, G_MAXINT, -1, rw);
  properties[PROP_N_MATCHES] =
    g_param_spec_uint ("n-matches", NULL, NULL, 0, G_MAXUINT, 0, ro);
  /**
   * HlSession:totals: (type gpointer)
   *
   * The #HlTotals of what is shown; notified when they change.
   */
  properties[PROP_TOTALS] =
    g_param_spec_pointer ("totals", NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hl_session_init (HlSession *self)
{
  self->selected = -1;
  self->hover = -1;
  self->hidden_lanes = g_new0 (char *, 1);
  self->hidden_confidences = g_new0 (char *, 1);
  hl_view_init (&self->view, NULL);
}
