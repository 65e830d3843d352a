/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The panel's list of a clicked calendar bin: "1 Mar 2022 – 31 Mar 2022",
 * "Crypto heists: $1.1 billion · 13 events", then the bin's events
 * largest first as buttons (at most a few dozen, then how many more).
 * The bin is the session's ("bin"), so the list follows it like the
 * rest of the panel. Dataset text is plain text in labels, never markup. */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-date.h"
#include "hl-describe.h"
#include "hl-details-bin.h"
#include "hl-gui-text.h"

#define MAX_BIN_EVENTS 50

struct _HlBinSection
{
  GtkBox     parent_instance;

  HlSession *session;
  GtkLabel  *period;
  GtkLabel  *summary;
  GtkBox    *list;
};

G_DEFINE_FINAL_TYPE (HlBinSection, hl_bin_section, GTK_TYPE_BOX)

static void
on_event_clicked (GtkButton *button, HlBinSection *self)
{
  int event = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "event"));

  if (self->session != NULL)
    hl_session_set_selected (self->session, event);
}

static GtkWidget *
event_button (HlBinSection *self, HlDataset *dataset, int event, gboolean selected)
{
  const HlEvent *ev = hl_dataset_get_event (dataset, event);
  g_autofree char *date = hl_date_format_long (ev->time);
  g_autofree char *amount = hl_describe_amount (dataset, ev);
  g_autofree char *title = hl_describe_isolate (ev->title);
  /* TRANSLATORS: a neighbour in the panel: date, title, amount */
  g_autofree char *text = g_strdup_printf (_("%s · %s · %s"), date, title, amount);
  g_autofree char *directed = hl_gui_directed (text);
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *label = gtk_label_new (directed);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "flat");
  /* the shown event stands pressed; the others select theirs */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), selected);
  g_object_set_data (G_OBJECT (button), "event", GINT_TO_POINTER (event));
  g_signal_connect (button, "clicked", G_CALLBACK (on_event_clicked), self);
  return button;
}

static void
clear_list (HlBinSection *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_box_remove (self->list, child);
}

static void
set_summary (HlBinSection *self, HlDataset *dataset, guint lane, const HlColumn *sum)
{
  const HlLane *l = hl_dataset_get_lane (dataset, lane);
  g_autofree char *events = hl_describe_events (sum->n);
  g_autofree char *total = l->measure == HL_MEASURE_USD
                           ? hl_describe_usd (sum->usd)
                           : hl_describe_count (l, (guint64) sum->count);
  g_autofree char *text = NULL;
  g_autofree char *directed = NULL;

  if (l->measure == HL_MEASURE_USD)
    {
      g_autofree char *title = hl_describe_isolate (l->title);
      /* TRANSLATORS: lane title: amount, on the hover card */
      g_autofree char *head = g_strdup_printf (_("%s: %s"), title, total);

      text = g_strdup_printf ("%s · %s", head, events);
    }
  else
    text = g_strdup_printf ("%s · %s", total, events);
  directed = hl_gui_directed (text);
  gtk_label_set_text (self->summary, directed);
}

static void
update (HlBinSection *self)
{
  HlDataset *dataset = self->session ? hl_session_get_dataset (self->session) : NULL;
  const HlView *view;
  g_autoptr(HlColumns) columns = NULL;
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *period = NULL;
  HlColumn sum = { 0 };
  gint64 from, to;
  guint lane, n;
  int selected;

  clear_list (self);
  if (dataset == NULL || !hl_session_get_bin (self->session, &lane, &from, &to) ||
      lane >= hl_dataset_get_n_lanes (dataset))
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  view = hl_session_get_view (self->session);
  columns = hl_columns_new (dataset, view, 1);
  n = hl_columns_list_events (columns, lane, from, to, events);
  selected = hl_session_get_selected (self->session);
  period = to - from <= HL_SECONDS_PER_DAY ? hl_date_format_long (from)
                                           : hl_date_format_range (from, to);
  gtk_label_set_text (self->period, period);
  for (guint k = 0; k < n; k++)
    {
      int event = g_array_index (events, int, k);
      const HlEvent *ev = hl_dataset_get_event (dataset, event);

      if (k < MAX_BIN_EVENTS)
        gtk_box_append (self->list, event_button (self, dataset, event, event == selected));
      sum.usd += ev->usd_unknown ? 0 : ev->usd;
      sum.count += ev->count;
    }
  sum.n = n;
  if (n > MAX_BIN_EVENTS)
    {
      guint more = n - MAX_BIN_EVENTS;
      g_autofree char *number = hl_describe_number (more);
      g_autofree char *text = g_strdup_printf (ngettext ("and %s more", "and %s more", more),
                                               number);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->list, label);
    }
  set_summary (self, dataset, lane, &sum);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

static void
on_session_notify (HlBinSection *self, GParamSpec *pspec)
{
  const char *name = pspec->name;

  if (g_str_equal (name, "bin") || g_str_equal (name, "selected") ||
      g_str_equal (name, "dataset") || g_str_equal (name, "totals"))
    update (self);
}

void
hl_bin_section_set_session (HlBinSection *self, HlSession *session)
{
  g_return_if_fail (HL_IS_BIN_SECTION (self));
  g_return_if_fail (session == NULL || HL_IS_SESSION (session));

  hl_session_observe (&self->session, session, self, G_CALLBACK (on_session_notify));
  update (self);
}

static void
hl_bin_section_dispose (GObject *object)
{
  HlBinSection *self = HL_BIN_SECTION (object);

  hl_session_observe (&self->session, NULL, self, G_CALLBACK (on_session_notify));
  G_OBJECT_CLASS (hl_bin_section_parent_class)->dispose (object);
}

static void
hl_bin_section_class_init (HlBinSectionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hl_bin_section_dispose;
}

static void
hl_bin_section_init (HlBinSection *self)
{
  GtkWidget *heading = gtk_label_new (_("In this period"));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  self->period = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->period, 0);
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_label_set_wrap_mode (self->summary, PANGO_WRAP_WORD_CHAR);
  self->list = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Events in this period"), -1);
  gtk_box_append (GTK_BOX (self), heading);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->period));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->list));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
hl_bin_section_new (void)
{
  return g_object_new (HL_TYPE_BIN_SECTION, NULL);
}
