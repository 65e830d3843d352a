/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Everything here comes from a file the user opened: each string is shown
 * as plain text or escaped into markup, and only http(s) sources become
 * links, so a dataset can neither inject markup nor make the desktop open
 * a file: or custom-scheme URI. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hl-date.h"
#include "hl-describe.h"
#include "hl-details-bin.h"
#include "hl-details-panel.h"
#include "hl-details-proximity.h"
#include "hl-details-span.h"
#include "hl-gui-text.h"
#include "hl-pacer.h"
#include "hl-scale.h"

#define LANE_DETAIL_INDENT  12  /* a count lane's figures under its line */
/* A file may hold 1,000 facts of 100 sources each: the panel shows the
 * first few and says how many more there are, never 100,000 widgets. */
#define PANEL_MAX_FACTS     20
#define PANEL_MAX_SOURCES   20
#define PANEL_MAX_NOTES     10

struct _HlDetailsPanel
{
  AdwBin     parent_instance;

  HlSession *session;
  HlDataset *facts_dataset;   /* whose facts facts_box lists; NULL: none yet */
  gboolean   summary_stale;   /* something the summary says changed */
  HlPacer    summary_pacer;   /* while a gesture moves the view */
  gint64     summary_from;    /* what the summary shows */
  gint64     summary_to;
  HlTotals   summary_totals;

  GtkWidget *filters_bar;
  GtkLabel  *filters_label;
  GtkWidget *summary_page;
  GtkWidget *event_page;

  GtkLabel  *summary_range;
  GtkLabel  *summary_usd;
  GtkBox    *summary_lanes;
  GtkWidget *facts_heading;
  GtkBox    *facts_box;

  GtkLabel  *event_lane;
  GtkLabel  *event_title;
  GtkLabel  *event_date;
  GtkLabel  *event_amount;
  GtkBox    *fields_box;
  GtkSizeGroup *keys;          /* the field names, one column */
  GtkWidget *notes_heading;
  GtkLabel  *notes_label;
  GtkWidget *sources_heading;
  GtkBox    *sources_box;
  GdkFrameClock *layout_clock; /* while the rows wait for their first layout */
  GtkWidget *proximity;        /* HlProximitySection, under the fields */
  GtkWidget *span;             /* HlSpanSection, atop the summary */
  GtkWidget *bin;              /* HlBinSection, atop the event */

};

enum
{
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HlDetailsPanel, hl_details_panel, ADW_TYPE_BIN)

static void
remove_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
new_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  return label;
}

/* A row "name  value": boxes rather than a GtkGrid, whose height for a
 * width comes out short with wrapping labels in GTK 4.8. */
static void
add_field (HlDetailsPanel *self, const char *key, const char *value)
{
  GtkWidget *row, *key_label, *value_label;

  if (value == NULL || value[0] == '\0')
    return;
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  key_label = new_label (key);
  gtk_label_set_wrap (GTK_LABEL (key_label), FALSE);
  gtk_widget_add_css_class (key_label, "dim-label");
  gtk_size_group_add_widget (self->keys, key_label);
  value_label = new_label (value);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_box_append (GTK_BOX (row), key_label);
  gtk_box_append (GTK_BOX (row), value_label);
  gtk_box_append (self->fields_box, row);
}

static gboolean
on_activate_link (GtkLabel *label, const char *uri, gpointer user_data)
{
  /* Only links we made are here, but a dataset is untrusted: check again.
   * Returning TRUE stops GTK from opening anything else. */
  return !hl_source_url_is_openable (uri);
}

/* A source as a label: a link when it is a web address, else plain text
 * with the address shown and never opened. */
static GtkWidget *
new_source_label (const HlSource *source)
{
  const char *title = source->title != NULL && source->title[0] != '\0' ? source->title
                                                                         : source->url;
  GtkWidget *label;

  if (title == NULL)
    title = "";
  if (hl_source_url_is_openable (source->url))
    {
      g_autofree char *markup = g_markup_printf_escaped ("<a href=\"%s\">%s</a>",
                                                         source->url, title);

      /* a link to a screen reader too, not a label described by a URL */
      label = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_LINK,
                            "xalign", 0.0f, "yalign", 0.0f, "wrap", TRUE,
                            "wrap-mode", PANGO_WRAP_WORD_CHAR, NULL);
      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_widget_set_tooltip_text (label, source->url);
      g_signal_connect (label, "activate-link", G_CALLBACK (on_activate_link), NULL);
    }
  else if (source->url != NULL && source->url[0] != '\0' && g_strcmp0 (title, source->url))
    {
      g_autofree char *text = g_strdup_printf ("%s (%s)", title, source->url);

      label = new_label (text);
    }
  else
    label = new_label (title);
  return label;
}

static GtkWidget * G_GNUC_PRINTF (1, 2)
new_more_label (const char *format, ...)
{
  g_autofree char *text = NULL;
  GtkWidget *label;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  label = new_label (text);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* The first PANEL_MAX_SOURCES of @sources, then how many more. */
static void
add_sources (GtkBox *box, const HlSource *sources, guint n_sources)
{
  for (guint i = 0; i < MIN (n_sources, PANEL_MAX_SOURCES); i++)
    gtk_box_append (box, new_source_label (&sources[i]));
  if (n_sources > PANEL_MAX_SOURCES)
    gtk_box_append (box, new_more_label (ngettext ("… and %u more source (see the file)",
                                                   "… and %u more sources (see the file)",
                                                   n_sources - PANEL_MAX_SOURCES),
                                         n_sources - PANEL_MAX_SOURCES));
}

/* GTK 4.8's height-for-width trap: the rows of a page that was hidden
 * are measured during the first layout after it is shown, and the heights
 * the box keeps for them are the one-line heights of the wrapping labels
 * (Confidence and Outcome then ran over the Notes). A resize queued on the
 * rows before that layout is lost, and neither F9 nor a window resize
 * renews what the box keeps. So right after the window's layout of the
 * frame that first shows the rows (a handler connected after the
 * window's), queue a resize on each row: the frame clock lays out again
 * within the same frame, so the rows are painted at their height. */
static void
remeasure_rows (GdkFrameClock *clock, HlDetailsPanel *self)
{
  g_signal_handlers_disconnect_by_func (clock, remeasure_rows, self);
  g_clear_object (&self->layout_clock);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->fields_box));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    gtk_widget_queue_resize (row);
  gtk_widget_queue_resize (GTK_WIDGET (self->notes_label));
}

static void
remeasure_after_layout (HlDetailsPanel *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL || self->layout_clock != NULL)
    return;
  self->layout_clock = g_object_ref (clock);
  g_signal_connect_after (clock, "layout", G_CALLBACK (remeasure_rows), self);
}

/* "4 September 2023" for a date; a date-time says its time and zone as
 * the file wrote them: "12 July 2023, 10:24 UTC+09:00". */
static char *
format_event_date (const HlEvent *ev)
{
  g_autofree char *day = hl_describe_event_date (ev);
  g_autofree char *clock = NULL;
  g_autofree char *zone = NULL;
  gint64 offset = ev->time - ev->instant;
  gint64 minutes = ABS (offset) / 60;
  gint64 of_day = ev->time - hl_date_floor_day (ev->time);

  if (ev->date == NULL || strchr (ev->date, 'T') == NULL)
    return g_steal_pointer (&day);
  clock = g_strdup_printf ("%02d:%02d", (int) (of_day / 3600), (int) (of_day / 60 % 60));
  if (offset == 0)
    zone = g_strdup ("UTC");
  else
    zone = g_strdup_printf ("UTC%s%02d:%02d", offset < 0 ? "\u2212" : "+",
                            (int) (minutes / 60), (int) (minutes % 60));
  /* Translators: date, time of day, time zone: "12 July 2023, 10:24 UTC+09:00" */
  return g_strdup_printf (_("%1$s, %2$s %3$s"), day, clock, zone);
}

/* A span lane's event has no amount: its two dates and how long it
 * lasted, or that it has no end. */
static void
add_span_fields (HlDetailsPanel *self, HlDataset *dataset, const HlEvent *ev)
{
  g_autofree char *start = hl_describe_event_date (ev);
  g_autofree char *end = hl_describe_event_end (ev);
  g_autofree char *lasting = hl_describe_amount (dataset, ev);

  gtk_label_set_text (self->event_amount, "");
  add_field (self, _("Began"), start);
  add_field (self, _("Ended"), end != NULL ? end : _("no end date"));
  if (ev->has_end)
    add_field (self, _("Duration"), lasting);
}

static void
show_event (HlDetailsPanel *self, HlDataset *dataset, int event)
{
  const HlEvent *ev;
  const HlLane *lane;
  g_autofree char *date = NULL;
  g_autofree char *confidence = NULL;

  g_assert (event >= 0 && (guint) event < hl_dataset_get_n_events (dataset));

  ev = hl_dataset_get_event (dataset, event);
  lane = hl_dataset_get_lane (dataset, ev->lane);
  date = ev->has_end ? hl_describe_event_dates (ev) : format_event_date (ev);

  gtk_label_set_text (self->event_lane, lane->title);
  gtk_label_set_text (self->event_title, ev->title);
  gtk_label_set_text (self->event_date, date);

  remove_children (self->fields_box);

  if (lane->measure == HL_MEASURE_SPAN)
    add_span_fields (self, dataset, ev);
  else if (lane->measure == HL_MEASURE_USD)
    {
      g_autofree char *usd = hl_describe_amount (dataset, ev);

      gtk_label_set_text (self->event_amount, usd);
      if (ev->has_usd_range)
        {
          g_autofree char *range = hl_describe_usd_range (ev->usd_low, ev->usd_high);

          /* A range that says only the amount again is no estimate */
          if (!g_str_equal (range, usd))
            add_field (self, _("Estimates"), range);
        }
    }
  else
    {
      g_autofree char *count = NULL;

      if (ev->count_known)
        count = hl_describe_number (ev->count);
      else
        count = g_strdup (_("not disclosed"));
      gtk_label_set_text (self->event_amount, "");
      add_field (self, lane->unit != NULL ? lane->unit : _("Number"), count);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->event_amount),
                          gtk_label_get_text (self->event_amount)[0] != '\0');

  add_field (self, _("Kind"), ev->kind);
  add_field (self, _("Actor"), ev->actor);
  confidence = g_strdup_printf ("%s. %s", hl_describe_confidence (ev->confidence),
                                hl_confidence_describe (ev->confidence));
  add_field (self, _("Confidence"), confidence);
  add_field (self, _("Outcome"), ev->outcome);
  /* The date as the file gives it, when it says more than a plain day */
  if (ev->date != NULL && strlen (ev->date) != strlen ("YYYY-MM-DD"))
    add_field (self, _("Date given"), ev->date);

  gtk_label_set_text (self->notes_label, ev->notes != NULL ? ev->notes : "");
  gtk_widget_set_visible (self->notes_heading, ev->notes != NULL && ev->notes[0] != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label),
                          ev->notes != NULL && ev->notes[0] != '\0');

  remove_children (self->sources_box);
  add_sources (self->sources_box, ev->sources, ev->n_sources);
  gtk_widget_set_visible (self->sources_heading, ev->n_sources > 0);

  /* Two pages in a box rather than a GtkStack: a stack in GTK 4.8 takes
   * its pages' natural widths as its minimum, which long wrapping labels
   * make wider than the window. */
  gtk_widget_set_visible (self->summary_page, FALSE);
  gtk_widget_set_visible (self->event_page, TRUE);
  remeasure_after_layout (self);
}

static void
add_summary_line (HlDetailsPanel *self, const char *text, gboolean detail)
{
  g_autofree char *directed = hl_gui_directed (text);
  GtkWidget *label = new_label (directed);

  if (detail)
    {
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_start (label, LANE_DETAIL_INDENT);
    }
  gtk_box_append (self->summary_lanes, label);
}

/* Each visible lane in the dataset's own words: "Crypto heists: 10
 * events, $719M"; under a count lane what it counts ("Missiles or
 * rockets: 31") and how many events do not say. */
static void
show_lane_totals (HlDetailsPanel *self, HlDataset *dataset, const HlView *view,
                  const HlTotals *totals)
{
  guint n_lanes = MIN (hl_dataset_get_n_lanes (dataset), HL_VIEW_MAX_LANES);
  gboolean any_usd = FALSE;

  remove_children (self->summary_lanes);
  for (guint i = 0; i < n_lanes; i++)
    {
      const HlLane *lane = hl_dataset_get_lane (dataset, i);
      const HlLaneTotals *t = &totals->lanes[i];
      g_autofree char *line = NULL;
      g_autofree char *earlier = NULL;

      if (!hl_view_lane_visible (view, i))
        continue;
      if (lane->measure == HL_MEASURE_SPAN)
        {
          /* no amounts: how many are in force, those begun before too */
          line = hl_describe_span_lane_totals (dataset, view, i);
          add_summary_line (self, line, FALSE);
          continue;
        }
      line = hl_describe_lane_totals (dataset, i, t);
      add_summary_line (self, line, FALSE);
      /* spans drawn from the left edge: their amounts are not in these totals */
      if ((earlier = hl_describe_begun_before (dataset, view, i)) != NULL)
        add_summary_line (self, earlier, TRUE);
      if (lane->measure == HL_MEASURE_USD)
        {
          any_usd = TRUE;
          continue;
        }
      if (t->n_events > t->n_unknown)
        {
          g_autofree char *count = hl_describe_count (lane, t->count);

          add_summary_line (self, count, TRUE);
        }
      if (t->n_unknown > 0)
        {
          g_autofree char *n = hl_describe_number (t->n_unknown);
          g_autofree char *unknown =
            g_strdup_printf (ngettext ("+%s event with an undisclosed count",
                                       "+%s events with undisclosed counts", t->n_unknown), n);

          add_summary_line (self, unknown, TRUE);
        }
    }

  /* The sum over the money lanes, large, when there are any */
  if (any_usd)
    {
      g_autofree char *usd = hl_describe_usd (totals->usd);

      gtk_label_set_text (self->summary_usd, usd);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->summary_usd), any_usd);
}

static void
show_facts (HlDetailsPanel *self, HlDataset *dataset)
{
  guint n_facts = hl_dataset_get_n_facts (dataset);

  /* a dataset's facts do not change with the view */
  if (dataset == self->facts_dataset)
    return;
  self->facts_dataset = dataset;
  remove_children (self->facts_box);
  for (guint i = 0; i < MIN (n_facts, PANEL_MAX_FACTS); i++)
    {
      const HlFact *fact = hl_dataset_get_fact (dataset, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *sources = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      gtk_box_append (GTK_BOX (box), new_label (fact->text));
      gtk_widget_add_css_class (sources, "caption");
      gtk_widget_set_margin_start (sources, LANE_DETAIL_INDENT);
      add_sources (GTK_BOX (sources), fact->sources, fact->n_sources);
      gtk_box_append (GTK_BOX (box), sources);
      gtk_box_append (self->facts_box, box);
    }
  if (n_facts > PANEL_MAX_FACTS)
    gtk_box_append (self->facts_box,
                    new_more_label (ngettext ("… and %u more fact (see the file)",
                                              "… and %u more facts (see the file)",
                                              n_facts - PANEL_MAX_FACTS),
                                    n_facts - PANEL_MAX_FACTS));
  gtk_widget_set_visible (self->facts_heading, n_facts > 0);
}

/* The texts of the notes in view (issue 11), under the lanes: the first
 * PANEL_MAX_NOTES, then how many more. */
static void
show_notes (HlDetailsPanel *self, HlDataset *dataset, const HlView *view)
{
  guint n = 0;

  for (guint i = 0; view->show_annotations && view->annotations != NULL &&
                    i < view->annotations->len; i++)
    {
      const HlAnnotation *note = g_ptr_array_index (view->annotations, i);

      if (!hl_annotation_in_view (note, view, dataset))
        continue;
      if (n == 0)
        add_summary_line (self, _("Notes"), FALSE);
      if (n++ < PANEL_MAX_NOTES)
        add_summary_line (self, note->text, TRUE);
    }
  if (n > PANEL_MAX_NOTES)
    {
      g_autofree char *number = hl_describe_number (n - PANEL_MAX_NOTES);
      g_autofree char *more = g_strdup_printf (ngettext ("… and %s more note",
                                                         "… and %s more notes",
                                                         n - PANEL_MAX_NOTES), number);

      add_summary_line (self, more, TRUE);
    }
}

static void
show_summary (HlDetailsPanel *self, HlDataset *dataset, const HlView *view,
              const HlTotals *totals)
{
  g_autofree char *range = hl_date_format_range (view->from, view->to);

  gtk_label_set_text (self->summary_range, range);
  show_lane_totals (self, dataset, view, totals);
  show_notes (self, dataset, view);
  show_facts (self, dataset);
  gtk_widget_set_visible (self->event_page, FALSE);
  gtk_widget_set_visible (self->summary_page, TRUE);
}

/* The line that says which filters are on, over either page. */
static void
update_filters (HlDetailsPanel *self)
{
  g_autofree char *text = self->session ? hl_session_describe_filters (self->session) : NULL;

  gtk_label_set_text (self->filters_label, text ? text : "");
  gtk_widget_set_visible (self->filters_bar, text != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.reset-filters", text != NULL);
}

static void
reset_filters_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  HlDetailsPanel *self = HL_DETAILS_PANEL (widget);

  if (self->session != NULL)
    hl_session_reset_filters (self->session);
}

/* Whether the summary already says what @view and @totals say: a pan
 * notifies from, to and totals one after another, of one change. */
static gboolean
summary_is_current (HlDetailsPanel *self, const HlView *view, const HlTotals *totals)
{
  return !self->summary_stale && view->from == self->summary_from &&
         view->to == self->summary_to &&
         memcmp (totals, &self->summary_totals, sizeof *totals) == 0;
}

static void update (HlDetailsPanel *self);

/* While a gesture moves the view, the summary follows it a few times a
 * second (HlPacer): its labels, measured anew, were a third of a drag's
 * frame. */
static gboolean
on_summary_due (gpointer data)
{
  update (data);
  return G_SOURCE_REMOVE;
}

/* The selected event, or with nothing selected the summary. */
static void
update (HlDetailsPanel *self)
{
  HlDataset *dataset = self->session ? hl_session_get_dataset (self->session) : NULL;
  const HlView *view;
  const HlTotals *totals;
  int selected;

  if (dataset == NULL)
    return;
  selected = hl_session_get_selected (self->session);
  hl_proximity_section_set_event (HL_PROXIMITY_SECTION (self->proximity), selected);
  if (selected >= 0)
    {
      self->summary_stale = TRUE;
      show_event (self, dataset, selected);
      return;
    }
  view = hl_session_get_view (self->session);
  totals = hl_session_get_totals (self->session);
  if (summary_is_current (self, view, totals) ||
      hl_pacer_wait (&self->summary_pacer, self->session))
    return;
  self->summary_stale = FALSE;
  self->summary_from = view->from;
  self->summary_to = view->to;
  self->summary_totals = *totals;
  show_summary (self, dataset, view, totals);
  hl_pacer_ran (&self->summary_pacer);
}

static void
on_session_notify (HlDetailsPanel *self, GParamSpec *pspec, HlSession *session)
{
  const char *name = pspec->name;

  if (g_str_equal (name, "filters-active") || g_str_equal (name, "n-hidden") ||
      g_str_equal (name, "hidden-lanes") || g_str_equal (name, "hidden-confidences") ||
      g_str_equal (name, "min-usd") || g_str_equal (name, "dataset"))
    update_filters (self);
  /* A pan notifies from, to and totals, one after another, of one
   * change: the summary is rebuilt on the first and left on the others.
   * Anything else may change what it says. */
  if (!g_str_equal (name, "from") && !g_str_equal (name, "to") &&
      !g_str_equal (name, "totals") && !g_str_equal (name, "moving"))
    self->summary_stale = TRUE;
  if (g_str_equal (name, "dataset"))
    self->facts_dataset = NULL;
  if (g_str_equal (name, "dataset") || g_str_equal (name, "selected"))
    update (self);
  /* An event's details do not change when the view pans. */
  else if ((g_str_equal (name, "totals") || g_str_equal (name, "from") ||
            g_str_equal (name, "to") || g_str_equal (name, "hidden-lanes") ||
            g_str_equal (name, "notes") || g_str_equal (name, "moving")) &&
           hl_session_get_selected (session) < 0)
    update (self);
}

HlSession *
hl_details_panel_get_session (HlDetailsPanel *self)
{
  g_return_val_if_fail (HL_IS_DETAILS_PANEL (self), NULL);
  return self->session;
}

void
hl_details_panel_set_session (HlDetailsPanel *self, HlSession *session)
{
  g_return_if_fail (HL_IS_DETAILS_PANEL (self));
  g_return_if_fail (session == NULL || HL_IS_SESSION (session));

  if (self->session == session)
    return;
  hl_session_observe (&self->session, session, self, G_CALLBACK (on_session_notify));
  self->facts_dataset = NULL;
  self->summary_stale = TRUE;
  hl_proximity_section_set_session (HL_PROXIMITY_SECTION (self->proximity), session);
  hl_span_section_set_session (HL_SPAN_SECTION (self->span), session);
  hl_bin_section_set_session (HL_BIN_SECTION (self->bin), session);
  update (self);
  update_filters (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/* A fixed width: the labels wrap inside it. Left alone, the panel would
 * ask for the natural width of its longest paragraph on one line, and the
 * flap would squeeze the chart to make room. */
static void
hl_details_panel_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  GTK_WIDGET_CLASS (hl_details_panel_parent_class)->measure (widget, orientation, for_size,
                                                             minimum, natural,
                                                             minimum_baseline,
                                                             natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = *minimum;
}

static void
hl_details_panel_dispose (GObject *object)
{
  HlDetailsPanel *self = HL_DETAILS_PANEL (object);

  hl_session_observe (&self->session, NULL, self, G_CALLBACK (on_session_notify));
  hl_pacer_clear (&self->summary_pacer);
  if (self->layout_clock != NULL)
    g_signal_handlers_disconnect_by_func (self->layout_clock, remeasure_rows, self);
  g_clear_object (&self->layout_clock);
  g_clear_object (&self->keys);
  G_OBJECT_CLASS (hl_details_panel_parent_class)->dispose (object);
}

static void
hl_details_panel_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HlDetailsPanel *self = HL_DETAILS_PANEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_details_panel_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HlDetailsPanel *self = HL_DETAILS_PANEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      hl_details_panel_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

GtkWidget *
hl_details_panel_new (void)
{
  return g_object_new (HL_TYPE_DETAILS_PANEL, NULL);
}

static void
hl_details_panel_class_init (HlDetailsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_details_panel_dispose;
  object_class->get_property = hl_details_panel_get_property;
  object_class->set_property = hl_details_panel_set_property;
  widget_class->measure = hl_details_panel_measure;
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, HL_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/heistline/Heistline/hl-details-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, HlDetailsPanel, filters_bar);
  gtk_widget_class_bind_template_child (widget_class, HlDetailsPanel, filters_label);
  gtk_widget_class_bind_template_child (widget_class, HlDetailsPanel, summary_page);
  gtk_widget_class_bind_template_child (widget_class, HlDetailsPanel, event_page);
  gtk_widget_class_bind_template_child (widget_class, HlDetailsPanel, summary_range);
  gtk_widget_class_bind_template_child (widget_class, HlDetailsPanel, summary_usd);
  gtk_widget_class_bind_template_child (widget_class, HlDetailsPanel, summary_lanes);
  gtk_widget_class_bind_template_child (widget_class, HlDetailsPanel, facts_heading);
  gtk_widget_class_bind_template_child (widget_class, HlDetailsPanel, facts_box);
  gtk_widget_class_bind_template_child (widget_class, HlDetailsPanel, event_lane);
  gtk_widget_class_bind_template_child (widget_class, HlDetailsPanel, event_title);
  gtk_widget_class_bind_template_child (widget_class, HlDetailsPanel, event_date);
  gtk_widget_class_bind_template_child (widget_class, HlDetailsPanel, event_amount);
  gtk_widget_class_bind_template_child (widget_class, HlDetailsPanel, fields_box);
  gtk_widget_class_bind_template_child (widget_class, HlDetailsPanel, notes_heading);
  gtk_widget_class_bind_template_child (widget_class, HlDetailsPanel, notes_label);
  gtk_widget_class_bind_template_child (widget_class, HlDetailsPanel, sources_heading);
  gtk_widget_class_bind_template_child (widget_class, HlDetailsPanel, sources_box);
  gtk_widget_class_set_css_name (widget_class, "detailspanel");
  gtk_widget_class_install_action (widget_class, "panel.reset-filters", NULL,
                                   reset_filters_action);
}

static void
hl_details_panel_init (HlDetailsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  hl_pacer_init (&self->summary_pacer, on_summary_due, self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.reset-filters", FALSE);
  self->keys = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->proximity = hl_proximity_section_new ();
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->fields_box))),
                              self->proximity, GTK_WIDGET (self->fields_box));
  self->span = hl_span_section_new ();
  gtk_box_prepend (GTK_BOX (self->summary_page), self->span);
  self->bin = hl_bin_section_new ();
  gtk_box_prepend (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->event_lane))), self->bin);
}
