/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A selected span in the panel: "1 Sep – 30 Sep 2023", then "Crypto
 * heists: 3 events, $295M" for each visible lane from the events the
 * filters show, the three largest of each lane as buttons, and buttons to
 * zoom to the span, analyze it or annotate it. Dataset text is plain text. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hl-date.h"
#include "hl-describe.h"
#include "hl-details-span.h"
#include "hl-gui-text.h"

#define LARGEST_PER_LANE 3

struct _HlSpanSection
{
  GtkBox     parent_instance;

  HlSession *session;
  GtkLabel  *range;
  GtkBox    *lines;
};

G_DEFINE_FINAL_TYPE (HlSpanSection, hl_span_section, GTK_TYPE_BOX)

static void
on_event_clicked (GtkButton *button, HlSpanSection *self)
{
  if (self->session != NULL)
    hl_session_select (self->session,
                       GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "event")));
}

static GtkWidget *
new_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  return label;
}

static GtkWidget *
event_button (HlSpanSection *self, HlDataset *dataset, int event)
{
  const HlEvent *ev = hl_dataset_get_event (dataset, event);
  g_autofree char *amount = hl_describe_amount (dataset, ev);
  g_autofree char *date = hl_date_format_long (ev->time);
  g_autofree char *title = hl_describe_isolate (ev->title);
  /* TRANSLATORS: one of a span's largest events: title, amount, date */
  g_autofree char *text = g_strdup_printf (_("%s · %s · %s"), date, title, amount);
  g_autofree char *directed = hl_gui_directed (text);
  GtkWidget *button = gtk_button_new ();

  gtk_button_set_child (GTK_BUTTON (button), new_label (directed));
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "event", GINT_TO_POINTER (event));
  g_signal_connect (button, "clicked", G_CALLBACK (on_event_clicked), self);
  return button;
}

static double
size_of (const HlEvent *ev)
{
  return ev->usd > 0 ? ev->usd : ev->count;
}

/* @top holds up to LARGEST_PER_LANE event indices, largest first. */
static void
keep_largest (HlDataset *dataset, int *top, int event)
{
  double size = size_of (hl_dataset_get_event (dataset, event));

  for (guint i = 0; i < LARGEST_PER_LANE; i++)
    if (top[i] < 0 || size > size_of (hl_dataset_get_event (dataset, top[i])))
      {
        memmove (top + i + 1, top + i, (LARGEST_PER_LANE - 1 - i) * sizeof (int));
        top[i] = event;
        return;
      }
}

static void
add_lane (HlSpanSection *self, HlDataset *dataset, guint lane, const HlLaneTotals *t,
          const int *top)
{
  g_autofree char *line = hl_describe_lane_totals (dataset, lane, t);
  g_autofree char *directed = hl_gui_directed (line);

  gtk_box_append (self->lines, new_label (directed));
  for (guint i = 0; i < LARGEST_PER_LANE && top[i] >= 0; i++)
    gtk_box_append (self->lines, event_button (self, dataset, top[i]));
}

static void
update (HlSpanSection *self)
{
  HlDataset *dataset = self->session ? hl_session_get_dataset (self->session) : NULL;
  const HlView *view;
  HlLaneTotals totals[HL_VIEW_MAX_LANES] = { { 0 } };
  int top[HL_VIEW_MAX_LANES][LARGEST_PER_LANE];
  g_autofree char *range = NULL;
  GtkWidget *child;
  gint64 from, to;
  guint n_lanes;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lines))) != NULL)
    gtk_box_remove (self->lines, child);
  if (dataset == NULL || !hl_session_get_span (self->session, &from, &to))
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  view = hl_session_get_view (self->session);
  n_lanes = MIN (hl_dataset_get_n_lanes (dataset), HL_VIEW_MAX_LANES);
  memset (top, -1, sizeof top);
  for (guint i = hl_dataset_lower_bound (dataset, from); i < hl_dataset_get_n_events (dataset);
       i++)
    {
      const HlEvent *ev = hl_dataset_get_event (dataset, i);

      if (ev->time >= to)
        break;
      if (ev->lane >= n_lanes || !hl_view_shows_event (view, dataset, ev))
        continue;
      totals[ev->lane].n_events++;
      totals[ev->lane].usd += ev->usd;
      totals[ev->lane].count += ev->count;
      totals[ev->lane].n_unknown += !ev->count_known;
      keep_largest (dataset, top[ev->lane], (int) i);
    }
  range = hl_date_format_range (from, to);
  gtk_label_set_text (self->range, range);
  for (guint lane = 0; lane < n_lanes; lane++)
    if (hl_view_lane_visible (view, lane))
      add_lane (self, dataset, lane, &totals[lane], top[lane]);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

static void
on_session_notify (HlSpanSection *self, GParamSpec *pspec)
{
  const char *name = pspec->name;

  if (g_str_has_prefix (name, "span-") || g_str_equal (name, "dataset") ||
      g_str_equal (name, "totals") || g_str_equal (name, "hidden-lanes"))
    update (self);
}

static void
on_zoom_clicked (HlSpanSection *self)
{
  if (self->session != NULL)
    hl_session_zoom_to_span (self->session);
}

void
hl_span_section_set_session (HlSpanSection *self, HlSession *session)
{
  g_return_if_fail (HL_IS_SPAN_SECTION (self));
  g_return_if_fail (session == NULL || HL_IS_SESSION (session));

  hl_session_observe (&self->session, session, self, G_CALLBACK (on_session_notify));
  update (self);
}

static void
hl_span_section_dispose (GObject *object)
{
  HlSpanSection *self = HL_SPAN_SECTION (object);

  hl_session_observe (&self->session, NULL, self, G_CALLBACK (on_session_notify));
  G_OBJECT_CLASS (hl_span_section_parent_class)->dispose (object);
}

static void
hl_span_section_class_init (HlSpanSectionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hl_span_section_dispose;
}

/* @button in @box, where only the button takes the focus. */
static void
append_button (GtkFlowBox *box, GtkWidget *button)
{
  gtk_flow_box_append (box, button);
  gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
}

static void
hl_span_section_init (HlSpanSection *self)
{
  GtkWidget *heading = new_label (_("Selected span"));
  /* They wrap when the panel is narrow rather than widen it */
  GtkWidget *buttons = gtk_flow_box_new ();
  GtkWidget *zoom = gtk_button_new_with_mnemonic (_("_Zoom to Span"));
  GtkWidget *analyze = gtk_button_new_with_mnemonic (_("_Analyze Span"));
  GtkWidget *annotate = gtk_button_new_with_mnemonic (_("A_nnotate Span"));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 12);
  gtk_widget_add_css_class (heading, "heading");
  self->range = GTK_LABEL (new_label (NULL));
  self->lines = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));
  gtk_widget_set_tooltip_text (zoom, _("Show only the span (Enter); Escape clears it"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (analyze), "win.analyze");
  gtk_widget_set_tooltip_text (annotate, _("Add a note over the span's days (Ctrl+M)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (annotate), "win.annotate-span");
  g_signal_connect_swapped (zoom, "clicked", G_CALLBACK (on_zoom_clicked), self);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (buttons), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (buttons), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (buttons), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (buttons), 3);
  append_button (GTK_FLOW_BOX (buttons), zoom);
  append_button (GTK_FLOW_BOX (buttons), analyze);
  append_button (GTK_FLOW_BOX (buttons), annotate);
  gtk_box_append (GTK_BOX (self), heading);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->range));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->lines));
  gtk_box_append (GTK_BOX (self), buttons);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
hl_span_section_new (void)
{
  return g_object_new (HL_TYPE_SPAN_SECTION, NULL);
}
