/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The timeline widget. It owns the view state the user edits and caches the
 * renderer's work: the HlChart laid out at the widget's size and that chart
 * drawn once into a texture at the screen's scale factor. A frame appends
 * the texture and draws hover and selection over it with
 * hl_chart_draw_overlay, so moving the pointer redraws one card, not the
 * chart. The widget draws nothing of its own: every pixel is the
 * renderer's, which is why the window shows what an export writes. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "hl-date.h"
#include "hl-describe.h"
#include "hl-scale.h"
#include "hl-timeline.h"

#define ZOOM_STEP      1.5   /* keyboard zoom factor */
#define SCROLL_ZOOM    1.25  /* per wheel notch */
#define KEY_PAN        0.25  /* fraction of the span per key press */
#define SCROLL_PAN     0.10  /* fraction of the span per wheel notch */

struct _HlTimeline
{
  GtkWidget   parent_instance;

  HlDataset  *dataset;
  HlView      view;
  char      **hidden_lane_ids;     /* by lane id, so they outlive a dataset */
  char      **hidden_confidences;  /* by confidence name */
  guint       n_matches;

  HlChart    *chart;               /* laid out at chart_width x chart_height */
  int         chart_width;
  int         chart_height;
  GdkTexture *texture;             /* chart drawn at texture_scale */
  int         texture_scale;

  int         hover;
  int         selected;
  char       *selected_id;

  double      pointer_x;
  double      pointer_y;
  gboolean    has_pointer;

  gint64      gesture_from;        /* range when a drag or pinch began */
  gint64      gesture_to;
  double      gesture_plot_width;
  gboolean    dragging;

  gboolean    painted;
};

enum
{
  PROP_0,
  PROP_DATASET,
  PROP_FROM,
  PROP_TO,
  PROP_SELECTED_ID,
  PROP_HOVER,
  PROP_SHOW_CUMULATIVE,
  PROP_SEARCH,
  PROP_N_MATCHES,
  PROP_HIDDEN_LANE_IDS,
  PROP_HIDDEN_CONFIDENCES,
  PROP_MIN_USD,
  N_PROPS
};

enum
{
  VIEW_CHANGED,
  FIRST_FRAME,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static const char *empty_strv[] = { NULL };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (HlTimeline, hl_timeline, GTK_TYPE_WIDGET)

/* ------------------------------------------------------------------ */
/* The cache */

static void
invalidate_chart (HlTimeline *self)
{
  g_clear_pointer (&self->chart, hl_chart_unref);
  g_clear_object (&self->texture);
}

static HlChart *
ensure_chart (HlTimeline *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->dataset == NULL || width <= 0 || height <= 0)
    return NULL;
  if (self->chart != NULL && (self->chart_width != width || self->chart_height != height))
    invalidate_chart (self);
  if (self->chart == NULL)
    {
      self->chart = hl_chart_new (self->dataset, &self->view, width, height);
      self->chart_width = width;
      self->chart_height = height;
    }
  return self->chart;
}

/* Draws @chart into a cairo image of @width x @height logical pixels at
 * @scale device pixels each and wraps its memory as a texture, no copy.
 * CAIRO_FORMAT_ARGB32 is premultiplied native-endian ARGB, which is what
 * GDK_MEMORY_DEFAULT names (B8G8R8A8_PREMULTIPLIED on little endian). */
static GdkTexture *
render_texture (HlChart *chart, int width, int height, int scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GBytes) bytes = NULL;
  int stride;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  hl_chart_draw (chart, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height * scale,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      surface);
  return gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT,
                                 bytes, stride);
}

static GdkTexture *
ensure_texture (HlTimeline *self)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (ensure_chart (self) == NULL)
    return NULL;
  if (self->texture != NULL && self->texture_scale != scale)
    g_clear_object (&self->texture);
  if (self->texture == NULL)
    {
      self->texture = render_texture (self->chart, self->chart_width, self->chart_height,
                                      scale);
      self->texture_scale = scale;
    }
  return self->texture;
}

/* ------------------------------------------------------------------ */
/* Accessibility */

static void
update_accessible (HlTimeline *self)
{
  g_autofree char *range = hl_date_format_range (self->view.from, self->view.to);
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, _("Showing %s."), range);
  if (self->dataset != NULL && self->selected >= 0)
    {
      const HlEvent *ev = hl_dataset_get_event (self->dataset, self->selected);
      g_autofree char *date = hl_date_format_long (ev->time);
      g_autofree char *amount = hl_describe_amount (self->dataset, ev);

      g_string_append_c (text, ' ');
      /* Translators: title, date, amount of the selected event */
      g_string_append_printf (text, _("Selected: %s, %s, %s."), ev->title, date, amount);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

/* ------------------------------------------------------------------ */
/* State changes */

static void
set_selected_index (HlTimeline *self, int index)
{
  const char *id = NULL;

  if (self->dataset == NULL || index >= (int) hl_dataset_get_n_events (self->dataset))
    index = -1;
  if (index >= 0)
    id = hl_dataset_get_event (self->dataset, index)->id;
  if (index == self->selected && g_strcmp0 (id, self->selected_id) == 0)
    return;

  self->selected = index;
  g_free (self->selected_id);
  self->selected_id = g_strdup (id);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

/* Called after anything in the view changed: drops the cached chart and
 * tells everyone. @old_from/@old_to say whether the range moved. */
static void
commit_view (HlTimeline *self, gint64 old_from, gint64 old_to)
{
  guint n_matches;

  invalidate_chart (self);

  /* A selection the filters now hide has no mark to outline. */
  if (self->selected >= 0 && self->dataset != NULL &&
      !hl_view_shows_event (&self->view, self->dataset,
                            hl_dataset_get_event (self->dataset, self->selected)))
    set_selected_index (self, -1);

  n_matches = self->dataset ? hl_view_count_matches (&self->view, self->dataset) : 0;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->view.from != old_from)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM]);
  if (self->view.to != old_to)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO]);
  if (n_matches != self->n_matches)
    {
      self->n_matches = n_matches;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[VIEW_CHANGED], 0);
}

static void
change_range (HlTimeline *self, gint64 from, gint64 to)
{
  gint64 old_from = self->view.from, old_to = self->view.to;

  hl_view_set_range (&self->view, from, to);
  if (self->view.from != old_from || self->view.to != old_to)
    commit_view (self, old_from, old_to);
}

/* Recomputes the bit masks from the ids and names, for this dataset. */
static void
sync_filters (HlTimeline *self)
{
  self->view.hidden_lanes = 0;
  if (self->dataset != NULL)
    for (guint i = 0; self->hidden_lane_ids[i] != NULL; i++)
      {
        int lane = hl_dataset_find_lane (self->dataset, self->hidden_lane_ids[i]);

        if (lane >= 0 && lane < 32)
          self->view.hidden_lanes |= 1u << lane;
      }

  self->view.hidden_confidences = 0;
  for (guint i = 0; self->hidden_confidences[i] != NULL; i++)
    for (guint c = HL_CONFIDENCE_OFFICIAL; c < HL_N_CONFIDENCES; c++)
      if (g_strcmp0 (self->hidden_confidences[i], hl_confidence_to_string (c)) == 0)
        self->view.hidden_confidences |= 1u << c;
}

static HlTheme
current_theme (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  return adw_style_manager_get_dark (manager) ? HL_THEME_DARK : HL_THEME_LIGHT;
}

static void
on_dark_changed (HlTimeline *self)
{
  HlTheme theme = current_theme ();

  if (theme == self->view.theme)
    return;
  self->view.theme = theme;
  commit_view (self, self->view.from, self->view.to);
}

/* ------------------------------------------------------------------ */
/* Public API */

GtkWidget *
hl_timeline_new (void)
{
  return g_object_new (HL_TYPE_TIMELINE, NULL);
}

HlDataset *
hl_timeline_get_dataset (HlTimeline *self)
{
  g_return_val_if_fail (HL_IS_TIMELINE (self), NULL);
  return self->dataset;
}

/* Shows @dataset from its default range, with nothing selected. The
 * filters, search and settings stay. */
void
hl_timeline_set_dataset (HlTimeline *self, HlDataset *dataset)
{
  HlView fresh;
  gint64 old_from, old_to;

  g_return_if_fail (HL_IS_TIMELINE (self));
  g_return_if_fail (dataset == NULL || HL_IS_DATASET (dataset));

  if (self->dataset == dataset)
    return;

  old_from = self->view.from;
  old_to = self->view.to;
  g_set_object (&self->dataset, dataset);

  hl_view_init (&fresh, dataset);
  self->view.from = fresh.from;
  self->view.to = fresh.to;
  sync_filters (self);

  self->hover = -1;
  set_selected_index (self, -1);
  commit_view (self, old_from, old_to);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

/* Swaps in a new version of the same file (a live reload): the range,
 * filters and search stay, and the selection follows its event's id. */
void
hl_timeline_replace_dataset (HlTimeline *self, HlDataset *dataset)
{
  g_autofree char *selected_id = NULL;
  int selected = -1;

  g_return_if_fail (HL_IS_TIMELINE (self));
  g_return_if_fail (HL_IS_DATASET (dataset));

  if (self->dataset == dataset)
    return;

  selected_id = g_strdup (self->selected_id);
  g_set_object (&self->dataset, dataset);
  sync_filters (self);
  self->hover = -1;
  if (selected_id != NULL)
    selected = hl_dataset_find_event (dataset, selected_id);
  /* The index may be the same while the event behind it is not: reset. */
  self->selected = -1;
  g_clear_pointer (&self->selected_id, g_free);
  set_selected_index (self, selected);
  commit_view (self, self->view.from, self->view.to);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

const HlView *
hl_timeline_get_view (HlTimeline *self)
{
  g_return_val_if_fail (HL_IS_TIMELINE (self), NULL);
  return &self->view;
}

gint64
hl_timeline_get_from (HlTimeline *self)
{
  g_return_val_if_fail (HL_IS_TIMELINE (self), 0);
  return self->view.from;
}

gint64
hl_timeline_get_to (HlTimeline *self)
{
  g_return_val_if_fail (HL_IS_TIMELINE (self), 0);
  return self->view.to;
}

void
hl_timeline_set_range (HlTimeline *self, gint64 from, gint64 to)
{
  g_return_if_fail (HL_IS_TIMELINE (self));
  change_range (self, from, to);
}

/* Zooms by @factor (> 1: in) keeping the time at @anchor (0: the plot's
 * left edge, 1: its right edge) in place. */
void
hl_timeline_zoom (HlTimeline *self, double factor, double anchor)
{
  gint64 old_from, old_to;

  g_return_if_fail (HL_IS_TIMELINE (self));
  g_return_if_fail (factor > 0);

  old_from = self->view.from;
  old_to = self->view.to;
  hl_view_zoom (&self->view, factor, anchor);
  if (self->view.from != old_from || self->view.to != old_to)
    commit_view (self, old_from, old_to);
}

void
hl_timeline_pan (HlTimeline *self, double fraction)
{
  gint64 old_from, old_to;

  g_return_if_fail (HL_IS_TIMELINE (self));

  old_from = self->view.from;
  old_to = self->view.to;
  hl_view_pan (&self->view, fraction);
  if (self->view.from != old_from || self->view.to != old_to)
    commit_view (self, old_from, old_to);
}

int
hl_timeline_get_selected (HlTimeline *self)
{
  g_return_val_if_fail (HL_IS_TIMELINE (self), -1);
  return self->selected;
}

/* Selects @event (-1: nothing) and pans so that it can be seen. */
void
hl_timeline_select (HlTimeline *self, int event)
{
  g_return_if_fail (HL_IS_TIMELINE (self));

  set_selected_index (self, event);
  if (self->selected >= 0)
    {
      const HlEvent *ev = hl_dataset_get_event (self->dataset, self->selected);
      gint64 old_from = self->view.from, old_to = self->view.to;

      hl_view_ensure_visible (&self->view, ev->time);
      if (self->view.from != old_from || self->view.to != old_to)
        commit_view (self, old_from, old_to);
    }
}

const char *
hl_timeline_get_selected_id (HlTimeline *self)
{
  g_return_val_if_fail (HL_IS_TIMELINE (self), NULL);
  return self->selected_id;
}

void
hl_timeline_set_selected_id (HlTimeline *self, const char *id)
{
  g_return_if_fail (HL_IS_TIMELINE (self));

  if (id == NULL || self->dataset == NULL)
    hl_timeline_select (self, -1);
  else
    hl_timeline_select (self, hl_dataset_find_event (self->dataset, id));
}

int
hl_timeline_get_hover (HlTimeline *self)
{
  g_return_val_if_fail (HL_IS_TIMELINE (self), -1);
  return self->hover;
}

/* Hover only redraws the overlay: the chart and its texture stay. */
void
hl_timeline_set_hover (HlTimeline *self, int event)
{
  g_return_if_fail (HL_IS_TIMELINE (self));

  if (self->hover == event)
    return;
  self->hover = event;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVER]);
}

gboolean
hl_timeline_get_show_cumulative (HlTimeline *self)
{
  g_return_val_if_fail (HL_IS_TIMELINE (self), FALSE);
  return self->view.show_cumulative;
}

void
hl_timeline_set_show_cumulative (HlTimeline *self, gboolean show)
{
  g_return_if_fail (HL_IS_TIMELINE (self));

  show = !!show;
  if (self->view.show_cumulative == (guint) show)
    return;
  self->view.show_cumulative = show;
  commit_view (self, self->view.from, self->view.to);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_CUMULATIVE]);
}

const char *
hl_timeline_get_search (HlTimeline *self)
{
  g_return_val_if_fail (HL_IS_TIMELINE (self), NULL);
  return self->view.search;
}

void
hl_timeline_set_search (HlTimeline *self, const char *search)
{
  g_return_if_fail (HL_IS_TIMELINE (self));

  if (search != NULL && search[0] == '\0')
    search = NULL;
  if (g_strcmp0 (self->view.search, search) == 0)
    return;
  g_free (self->view.search);
  self->view.search = g_strdup (search);
  commit_view (self, self->view.from, self->view.to);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

/* Matches among the events shown in the visible range. */
guint
hl_timeline_get_n_matches (HlTimeline *self)
{
  g_return_val_if_fail (HL_IS_TIMELINE (self), 0);
  return self->n_matches;
}

/* Selects the next (@direction > 0) or previous match and brings it into
 * view; FALSE when nothing matches. */
gboolean
hl_timeline_step_match (HlTimeline *self, int direction)
{
  int next;

  g_return_val_if_fail (HL_IS_TIMELINE (self), FALSE);

  if (self->dataset == NULL)
    return FALSE;
  next = hl_view_step_match (&self->view, self->dataset, self->selected, direction);
  if (next < 0)
    return FALSE;
  hl_timeline_select (self, next);
  return TRUE;
}

const char * const *
hl_timeline_get_hidden_lane_ids (HlTimeline *self)
{
  g_return_val_if_fail (HL_IS_TIMELINE (self), NULL);
  return (const char * const *) self->hidden_lane_ids;
}

void
hl_timeline_set_hidden_lane_ids (HlTimeline *self, const char * const *ids)
{
  g_return_if_fail (HL_IS_TIMELINE (self));

  /* Never NULL: GSettings maps the property to an "as" key. */
  if (ids == NULL)
    ids = (const char * const *) empty_strv;
  if (g_strv_equal ((const char * const *) self->hidden_lane_ids, ids))
    return;
  g_strfreev (self->hidden_lane_ids);
  self->hidden_lane_ids = g_strdupv ((char **) ids);
  sync_filters (self);
  commit_view (self, self->view.from, self->view.to);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN_LANE_IDS]);
}

void
hl_timeline_set_lane_visible (HlTimeline *self, guint lane, gboolean visible)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) ids = NULL;
  const char *id;

  g_return_if_fail (HL_IS_TIMELINE (self));
  g_return_if_fail (self->dataset != NULL);
  g_return_if_fail (lane < hl_dataset_get_n_lanes (self->dataset));

  id = hl_dataset_get_lane (self->dataset, lane)->id;
  builder = g_strv_builder_new ();
  for (guint i = 0; self->hidden_lane_ids[i] != NULL; i++)
    if (g_strcmp0 (self->hidden_lane_ids[i], id) != 0)
      g_strv_builder_add (builder, self->hidden_lane_ids[i]);
  if (!visible)
    g_strv_builder_add (builder, id);
  ids = g_strv_builder_end (builder);
  hl_timeline_set_hidden_lane_ids (self, (const char * const *) ids);
}

const char * const *
hl_timeline_get_hidden_confidences (HlTimeline *self)
{
  g_return_val_if_fail (HL_IS_TIMELINE (self), NULL);
  return (const char * const *) self->hidden_confidences;
}

void
hl_timeline_set_hidden_confidences (HlTimeline *self, const char * const *names)
{
  g_return_if_fail (HL_IS_TIMELINE (self));

  if (names == NULL)
    names = (const char * const *) empty_strv;
  if (g_strv_equal ((const char * const *) self->hidden_confidences, names))
    return;
  g_strfreev (self->hidden_confidences);
  self->hidden_confidences = g_strdupv ((char **) names);
  sync_filters (self);
  commit_view (self, self->view.from, self->view.to);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN_CONFIDENCES]);
}

void
hl_timeline_set_confidence_visible (HlTimeline   *self,
                                    HlConfidence  confidence,
                                    gboolean      visible)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) names = NULL;

  g_return_if_fail (HL_IS_TIMELINE (self));
  g_return_if_fail (confidence > HL_CONFIDENCE_UNSPECIFIED && confidence < HL_N_CONFIDENCES);

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
  hl_timeline_set_hidden_confidences (self, (const char * const *) names);
}

double
hl_timeline_get_min_usd (HlTimeline *self)
{
  g_return_val_if_fail (HL_IS_TIMELINE (self), 0);
  return self->view.min_usd;
}

void
hl_timeline_set_min_usd (HlTimeline *self, double min_usd)
{
  g_return_if_fail (HL_IS_TIMELINE (self));

  min_usd = MAX (min_usd, 0);
  if (self->view.min_usd == min_usd)
    return;
  self->view.min_usd = min_usd;
  commit_view (self, self->view.from, self->view.to);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_USD]);
}

/* The chart as laid out at the widget's current size; NULL before the
 * widget has a size or a dataset. */
HlChart *
hl_timeline_get_chart (HlTimeline *self)
{
  g_return_val_if_fail (HL_IS_TIMELINE (self), NULL);
  return ensure_chart (self);
}

/* Totals over what is visible, from the core: they do not depend on the
 * widget's size, so no chart is needed. */
void
hl_timeline_get_totals (HlTimeline *self, HlChartTotals *totals)
{
  HlTotals t;

  g_return_if_fail (HL_IS_TIMELINE (self));
  g_return_if_fail (totals != NULL);

  memset (totals, 0, sizeof *totals);
  if (self->dataset == NULL)
    return;
  hl_totals_compute (&t, self->dataset, &self->view);
  totals->usd = t.usd;
  totals->n_heists = t.n_usd_events;
  totals->n_launches = t.n_count_events;
  totals->n_items = (guint) t.count;
  totals->n_unknown = t.n_unknown;
  totals->n_matches = t.n_matches;
}

/* The chart without hover or selection, at the widget's size and scale
 * factor: what the widget shows, and what "Copy Chart" copies. */
GdkTexture *
hl_timeline_get_texture (HlTimeline *self)
{
  g_return_val_if_fail (HL_IS_TIMELINE (self), NULL);
  return ensure_texture (self);
}

/* ------------------------------------------------------------------ */
/* Input */

static double
anchor_at (HlTimeline *self, double x)
{
  HlChart *chart = ensure_chart (self);
  HlBox plot;

  if (chart == NULL)
    return 0.5;
  hl_chart_get_plot_area (chart, &plot);
  if (plot.width <= 0)
    return 0.5;
  return CLAMP ((x - plot.x) / plot.width, 0.0, 1.0);
}

static void
on_motion (GtkEventControllerMotion *controller, double x, double y, HlTimeline *self)
{
  HlChart *chart;

  self->pointer_x = x;
  self->pointer_y = y;
  self->has_pointer = TRUE;
  if (self->dragging || (chart = ensure_chart (self)) == NULL)
    return;
  hl_timeline_set_hover (self, hl_chart_hit_test (chart, x, y));
}

static void
on_leave (GtkEventControllerMotion *controller, HlTimeline *self)
{
  self->has_pointer = FALSE;
  hl_timeline_set_hover (self, -1);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller, double dx, double dy, HlTimeline *self)
{
  GdkModifierType state;
  double anchor;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  if (state & GDK_SHIFT_MASK)
    {
      /* Shift turns the wheel sideways */
      hl_timeline_pan (self, (dx + dy) * SCROLL_PAN);
      return TRUE;
    }
  if (dx != 0 && fabs (dx) > fabs (dy))
    {
      hl_timeline_pan (self, dx * SCROLL_PAN);
      return TRUE;
    }
  if (dy == 0)
    return FALSE;
  /* Plain and Ctrl+wheel both zoom, around the pointer. */
  anchor = self->has_pointer ? anchor_at (self, self->pointer_x) : 0.5;
  hl_timeline_zoom (self, pow (SCROLL_ZOOM, -dy), anchor);
  return TRUE;
}

static void
on_zoom_begin (GtkGesture *gesture, GdkEventSequence *sequence, HlTimeline *self)
{
  self->gesture_from = self->view.from;
  self->gesture_to = self->view.to;
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture, double scale, HlTimeline *self)
{
  double cx, cy;
  HlView view = self->view;

  if (scale <= 0)
    return;
  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &cx, &cy))
    cx = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  view.from = self->gesture_from;
  view.to = self->gesture_to;
  hl_view_zoom (&view, scale, anchor_at (self, cx));
  change_range (self, view.from, view.to);
}

static void
on_drag_begin (GtkGestureDrag *gesture, double x, double y, HlTimeline *self)
{
  HlChart *chart = ensure_chart (self);
  HlBox plot = { 0, 0, gtk_widget_get_width (GTK_WIDGET (self)), 0 };

  if (chart != NULL)
    hl_chart_get_plot_area (chart, &plot);
  self->gesture_from = self->view.from;
  self->gesture_to = self->view.to;
  self->gesture_plot_width = MAX (plot.width, 1);
  self->dragging = FALSE;
}

static void
on_drag_update (GtkGestureDrag *gesture, double dx, double dy, HlTimeline *self)
{
  double span = (double) (self->gesture_to - self->gesture_from);
  gint64 delta;

  if (!self->dragging)
    {
      int threshold = 8;

      g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                    "gtk-dnd-drag-threshold", &threshold, NULL);
      if (fabs (dx) < threshold)
        return;
      self->dragging = TRUE;
      hl_timeline_set_hover (self, -1);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }
  delta = (gint64) llround (-dx / self->gesture_plot_width * span);
  change_range (self, self->gesture_from + delta, self->gesture_to + delta);
}

static void
on_drag_end (GtkGestureDrag *gesture, double dx, double dy, HlTimeline *self)
{
  if (self->dragging)
    gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  self->dragging = FALSE;
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   HlTimeline      *self)
{
  HlChart *chart;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->dragging || (chart = ensure_chart (self)) == NULL)
    return;
  /* Clicking empty space clears the selection; selecting does not pan. */
  set_selected_index (self, hl_chart_hit_test (chart, x, y));
}

/* ------------------------------------------------------------------ */
/* Actions */

static void
action_zoom (GtkWidget *widget, const char *name, GVariant *param)
{
  HlTimeline *self = HL_TIMELINE (widget);

  if (g_str_equal (name, "timeline.zoom-in"))
    hl_timeline_zoom (self, ZOOM_STEP, 0.5);
  else
    hl_timeline_zoom (self, 1 / ZOOM_STEP, 0.5);
}

static void
action_pan (GtkWidget *widget, const char *name, GVariant *param)
{
  hl_timeline_pan (HL_TIMELINE (widget),
                   g_str_equal (name, "timeline.pan-left") ? -KEY_PAN : KEY_PAN);
}

static void
action_step_event (GtkWidget *widget, const char *name, GVariant *param)
{
  HlTimeline *self = HL_TIMELINE (widget);
  int next;

  if (self->dataset == NULL)
    return;
  next = hl_view_step_event (&self->view, self->dataset, self->selected,
                             g_str_equal (name, "timeline.select-next") ? 1 : -1);
  if (next >= 0)
    hl_timeline_select (self, next);
  else
    gtk_widget_error_bell (widget);
}

static void
action_step_lane (GtkWidget *widget, const char *name, GVariant *param)
{
  HlTimeline *self = HL_TIMELINE (widget);
  int next;

  if (self->dataset == NULL)
    return;
  next = hl_view_step_lane (&self->view, self->dataset, self->selected,
                            g_str_equal (name, "timeline.lane-down") ? 1 : -1);
  if (next >= 0 && next != self->selected)
    hl_timeline_select (self, next);
  else
    gtk_widget_error_bell (widget);
}

static void
action_fit_all (GtkWidget *widget, const char *name, GVariant *param)
{
  HlTimeline *self = HL_TIMELINE (widget);
  HlView view = self->view;

  if (self->dataset == NULL)
    return;
  hl_view_fit_all (&view, self->dataset);
  change_range (self, view.from, view.to);
}

static void
action_reset_range (GtkWidget *widget, const char *name, GVariant *param)
{
  HlTimeline *self = HL_TIMELINE (widget);
  gint64 from, to;

  if (self->dataset == NULL)
    return;
  hl_dataset_get_default_range (self->dataset, &from, &to);
  change_range (self, from, to);
}

static void
action_open_source (GtkWidget *widget, const char *name, GVariant *param)
{
  HlTimeline *self = HL_TIMELINE (widget);
  const HlEvent *ev;

  if (self->dataset == NULL || self->selected < 0)
    return;
  ev = hl_dataset_get_event (self->dataset, self->selected);
  for (guint i = 0; i < ev->n_sources; i++)
    if (hl_source_url_is_openable (ev->sources[i].url))
      {
        GtkRoot *root = gtk_widget_get_root (widget);

        gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                      ev->sources[i].url, GDK_CURRENT_TIME);
        return;
      }
  gtk_widget_error_bell (widget);
}

static void
action_clear_selection (GtkWidget *widget, const char *name, GVariant *param)
{
  set_selected_index (HL_TIMELINE (widget), -1);
}

static void
action_step_match (GtkWidget *widget, const char *name, GVariant *param)
{
  if (!hl_timeline_step_match (HL_TIMELINE (widget),
                               g_str_equal (name, "timeline.next-match") ? 1 : -1))
    gtk_widget_error_bell (widget);
}

/* ------------------------------------------------------------------ */
/* GtkWidget */

/* HEISTLINE_QUIT_AFTER_FIRST_FRAME (see HlApplication) hangs off this: the
 * first frame whose paint included the timeline ends with "first-frame". */
static void
on_after_paint (GdkFrameClock *clock, HlTimeline *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, self);
  g_signal_emit (self, signals[FIRST_FRAME], 0);
}

static void
hl_timeline_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  HlTimeline *self = HL_TIMELINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkTexture *texture;

  if ((texture = ensure_texture (self)) == NULL)
    return;

  gtk_snapshot_append_texture (snapshot, texture, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->hover >= 0 || self->selected >= 0)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                               &GRAPHENE_RECT_INIT (0, 0, width, height));

      hl_chart_draw_overlay (self->chart, cr, self->hover, self->selected);
      cairo_destroy (cr);
    }

  if (!self->painted)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

      self->painted = TRUE;
      if (clock != NULL)
        g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_after_paint), self, 0);
    }
}

static void
hl_timeline_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  HlTimeline *self = HL_TIMELINE (widget);

  if (self->chart != NULL && (self->chart_width != width || self->chart_height != height))
    invalidate_chart (self);
}

static void
hl_timeline_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  /* Small enough for a phone, large enough to read. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 300 : 240;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 960 : 540;
}

static void
on_scale_factor_changed (HlTimeline *self)
{
  g_clear_object (&self->texture);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
hl_timeline_dispose (GObject *object)
{
  HlTimeline *self = HL_TIMELINE (object);

  invalidate_chart (self);
  g_clear_object (&self->dataset);
  G_OBJECT_CLASS (hl_timeline_parent_class)->dispose (object);
}

static void
hl_timeline_finalize (GObject *object)
{
  HlTimeline *self = HL_TIMELINE (object);

  hl_view_clear (&self->view);
  g_strfreev (self->hidden_lane_ids);
  g_strfreev (self->hidden_confidences);
  g_free (self->selected_id);
  G_OBJECT_CLASS (hl_timeline_parent_class)->finalize (object);
}

static void
hl_timeline_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HlTimeline *self = HL_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_FROM:
      g_value_set_int64 (value, self->view.from);
      break;
    case PROP_TO:
      g_value_set_int64 (value, self->view.to);
      break;
    case PROP_SELECTED_ID:
      g_value_set_string (value, self->selected_id);
      break;
    case PROP_HOVER:
      g_value_set_int (value, self->hover);
      break;
    case PROP_SHOW_CUMULATIVE:
      g_value_set_boolean (value, self->view.show_cumulative);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->view.search);
      break;
    case PROP_N_MATCHES:
      g_value_set_uint (value, self->n_matches);
      break;
    case PROP_HIDDEN_LANE_IDS:
      g_value_set_boxed (value, self->hidden_lane_ids);
      break;
    case PROP_HIDDEN_CONFIDENCES:
      g_value_set_boxed (value, self->hidden_confidences);
      break;
    case PROP_MIN_USD:
      g_value_set_double (value, self->view.min_usd);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_timeline_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HlTimeline *self = HL_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      hl_timeline_set_dataset (self, g_value_get_object (value));
      break;
    case PROP_FROM:
      hl_timeline_set_range (self, g_value_get_int64 (value), self->view.to);
      break;
    case PROP_TO:
      hl_timeline_set_range (self, self->view.from, g_value_get_int64 (value));
      break;
    case PROP_SELECTED_ID:
      hl_timeline_set_selected_id (self, g_value_get_string (value));
      break;
    case PROP_HOVER:
      hl_timeline_set_hover (self, g_value_get_int (value));
      break;
    case PROP_SHOW_CUMULATIVE:
      hl_timeline_set_show_cumulative (self, g_value_get_boolean (value));
      break;
    case PROP_SEARCH:
      hl_timeline_set_search (self, g_value_get_string (value));
      break;
    case PROP_HIDDEN_LANE_IDS:
      hl_timeline_set_hidden_lane_ids (self, g_value_get_boxed (value));
      break;
    case PROP_HIDDEN_CONFIDENCES:
      hl_timeline_set_hidden_confidences (self, g_value_get_boxed (value));
      break;
    case PROP_MIN_USD:
      hl_timeline_set_min_usd (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_key (GtkWidgetClass *widget_class, guint keyval, GdkModifierType mods, const char *action)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, mods, action, NULL);
}

static void
hl_timeline_class_init (HlTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                            G_PARAM_STATIC_STRINGS;

  object_class->dispose = hl_timeline_dispose;
  object_class->finalize = hl_timeline_finalize;
  object_class->get_property = hl_timeline_get_property;
  object_class->set_property = hl_timeline_set_property;

  widget_class->snapshot = hl_timeline_snapshot;
  widget_class->size_allocate = hl_timeline_size_allocate;
  widget_class->measure = hl_timeline_measure;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, HL_TYPE_DATASET, flags);
  properties[PROP_FROM] =
    g_param_spec_int64 ("from", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_TO] =
    g_param_spec_int64 ("to", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_SELECTED_ID] =
    g_param_spec_string ("selected-id", NULL, NULL, NULL, flags);
  properties[PROP_HOVER] =
    g_param_spec_int ("hover", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_SHOW_CUMULATIVE] =
    g_param_spec_boolean ("show-cumulative", NULL, NULL, FALSE, flags);
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL, flags);
  properties[PROP_N_MATCHES] =
    g_param_spec_uint ("n-matches", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIDDEN_LANE_IDS] =
    g_param_spec_boxed ("hidden-lane-ids", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_HIDDEN_CONFIDENCES] =
    g_param_spec_boxed ("hidden-confidences", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_MIN_USD] =
    g_param_spec_double ("min-usd", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[VIEW_CHANGED] =
    g_signal_new ("view-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FIRST_FRAME] =
    g_signal_new ("first-frame", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "timeline.pan-left", NULL, action_pan);
  gtk_widget_class_install_action (widget_class, "timeline.pan-right", NULL, action_pan);
  gtk_widget_class_install_action (widget_class, "timeline.select-previous", NULL,
                                   action_step_event);
  gtk_widget_class_install_action (widget_class, "timeline.select-next", NULL,
                                   action_step_event);
  gtk_widget_class_install_action (widget_class, "timeline.lane-up", NULL, action_step_lane);
  gtk_widget_class_install_action (widget_class, "timeline.lane-down", NULL, action_step_lane);
  gtk_widget_class_install_action (widget_class, "timeline.fit-all", NULL, action_fit_all);
  gtk_widget_class_install_action (widget_class, "timeline.reset-range", NULL,
                                   action_reset_range);
  gtk_widget_class_install_action (widget_class, "timeline.open-source", NULL,
                                   action_open_source);
  gtk_widget_class_install_action (widget_class, "timeline.clear-selection", NULL,
                                   action_clear_selection);
  gtk_widget_class_install_action (widget_class, "timeline.next-match", NULL,
                                   action_step_match);
  gtk_widget_class_install_action (widget_class, "timeline.previous-match", NULL,
                                   action_step_match);

  add_key (widget_class, GDK_KEY_plus, 0, "timeline.zoom-in");
  add_key (widget_class, GDK_KEY_equal, 0, "timeline.zoom-in");
  add_key (widget_class, GDK_KEY_KP_Add, 0, "timeline.zoom-in");
  add_key (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "timeline.zoom-in");
  add_key (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "timeline.zoom-in");
  add_key (widget_class, GDK_KEY_minus, 0, "timeline.zoom-out");
  add_key (widget_class, GDK_KEY_KP_Subtract, 0, "timeline.zoom-out");
  add_key (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "timeline.zoom-out");
  add_key (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, "timeline.pan-left");
  add_key (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, "timeline.pan-right");
  add_key (widget_class, GDK_KEY_Page_Up, 0, "timeline.pan-left");
  add_key (widget_class, GDK_KEY_Page_Down, 0, "timeline.pan-right");
  add_key (widget_class, GDK_KEY_Left, 0, "timeline.select-previous");
  add_key (widget_class, GDK_KEY_KP_Left, 0, "timeline.select-previous");
  add_key (widget_class, GDK_KEY_Right, 0, "timeline.select-next");
  add_key (widget_class, GDK_KEY_KP_Right, 0, "timeline.select-next");
  add_key (widget_class, GDK_KEY_Up, 0, "timeline.lane-up");
  add_key (widget_class, GDK_KEY_KP_Up, 0, "timeline.lane-up");
  add_key (widget_class, GDK_KEY_Down, 0, "timeline.lane-down");
  add_key (widget_class, GDK_KEY_KP_Down, 0, "timeline.lane-down");
  add_key (widget_class, GDK_KEY_0, 0, "timeline.fit-all");
  add_key (widget_class, GDK_KEY_KP_0, 0, "timeline.fit-all");
  add_key (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "timeline.fit-all");
  add_key (widget_class, GDK_KEY_Home, 0, "timeline.reset-range");
  add_key (widget_class, GDK_KEY_KP_Home, 0, "timeline.reset-range");
  add_key (widget_class, GDK_KEY_Return, 0, "timeline.open-source");
  add_key (widget_class, GDK_KEY_KP_Enter, 0, "timeline.open-source");
  add_key (widget_class, GDK_KEY_ISO_Enter, 0, "timeline.open-source");
  add_key (widget_class, GDK_KEY_Escape, 0, "timeline.clear-selection");

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hl_timeline_init (HlTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  self->hover = -1;
  self->selected = -1;
  self->hidden_lane_ids = g_new0 (char *, 1);
  self->hidden_confidences = g_new0 (char *, 1);
  hl_view_init (&self->view, NULL);
  self->view.theme = current_theme ();

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed), NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  -1);
  update_accessible (self);
}
