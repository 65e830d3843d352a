/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The panel's proximity lines: "In the 30 days before: Crypto heists:
 * 2 events, $236M", the neighbours as buttons (at most a few, then how
 * many more), and the window's choice bound to the session (GSettings
 * remembers it through the session's "proximity-window"). Dataset text is
 * plain text in labels, never markup. */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-date.h"
#include "hl-describe.h"
#include "hl-details-proximity.h"
#include "hl-gui-text.h"
#include "hl-proximity.h"

#define MAX_NEIGHBOURS 12

static const guint presets[] = { 7, 14, 30, 60, 90 };

struct _HlProximitySection
{
  GtkBox       parent_instance;

  HlSession   *session;
  int          event;
  GtkLabel    *summary;
  GtkBox      *list;
  GtkDropDown *choice;
  GtkSpinButton *custom;
  gboolean     updating;
};

G_DEFINE_FINAL_TYPE (HlProximitySection, hl_proximity_section, GTK_TYPE_BOX)

static void
on_neighbour_clicked (GtkButton *button, HlProximitySection *self)
{
  int event = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "event"));

  if (self->session != NULL)
    hl_session_select (self->session, event);
}

static GtkWidget *
neighbour_button (HlProximitySection *self, HlDataset *dataset, int event)
{
  const HlEvent *ev = hl_dataset_get_event (dataset, event);
  g_autofree char *date = hl_date_format_long (ev->time);
  g_autofree char *amount = hl_describe_amount (dataset, ev);
  g_autofree char *title = hl_describe_isolate (ev->title);
  /* TRANSLATORS: a neighbour in the panel: date, title, amount */
  g_autofree char *text = g_strdup_printf (_("%s · %s · %s"), date, title, amount);
  g_autofree char *directed = hl_gui_directed (text);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (directed);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "event", GINT_TO_POINTER (event));
  g_signal_connect (button, "clicked", G_CALLBACK (on_neighbour_clicked), self);
  return button;
}

static void
clear_list (HlProximitySection *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_box_remove (self->list, child);
}

static void
sync_choice (HlProximitySection *self, guint window)
{
  guint position = G_N_ELEMENTS (presets);

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (presets[i] == window)
      position = i;
  self->updating = TRUE;
  if (gtk_drop_down_get_selected (self->choice) != position)
    gtk_drop_down_set_selected (self->choice, position);
  gtk_spin_button_set_value (self->custom, window);
  gtk_widget_set_visible (GTK_WIDGET (self->custom), position == G_N_ELEMENTS (presets));
  self->updating = FALSE;
}

static void
update (HlProximitySection *self)
{
  HlDataset *dataset = self->session ? hl_session_get_dataset (self->session) : NULL;
  guint lead, follow, lane, window, begin, end, n = 0;
  gboolean after;
  g_autofree char *summary = NULL;
  g_autofree char *directed = NULL;
  HlRangeSum sum;

  clear_list (self);
  if (dataset == NULL || self->event < 0 ||
      (guint) self->event >= hl_dataset_get_n_events (dataset) ||
      !hl_session_get_proximity_lanes (self->session, &lead, &follow) ||
      !hl_proximity_neighbour_lane (dataset, (guint) self->event, lead, follow, &lane, &after))
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  window = hl_session_get_proximity_window (self->session);
  sync_choice (self, window);
  hl_proximity_neighbours (dataset, (guint) self->event, lane, window, after, &begin, &end);
  hl_dataset_lane_sum (dataset, lane, begin, end, &sum);
  summary = hl_proximity_describe_neighbours (dataset, lane, window, after, &sum);
  directed = hl_gui_directed (summary);
  gtk_label_set_text (self->summary, directed);
  for (guint pos = begin; pos < end && n < MAX_NEIGHBOURS; pos++)
    {
      int event = hl_dataset_lane_get_event (dataset, lane, pos);

      if (event == self->event)
        continue;
      gtk_box_append (self->list, neighbour_button (self, dataset, event));
      n++;
    }
  if (end - begin > MAX_NEIGHBOURS)
    {
      guint more = end - begin - MAX_NEIGHBOURS;
      g_autofree char *number = hl_describe_number (more);
      g_autofree char *text = g_strdup_printf (ngettext ("and %s more", "and %s more", more),
                                               number);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->list, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

static void
on_choice_changed (HlProximitySection *self)
{
  guint position = gtk_drop_down_get_selected (self->choice);

  if (self->updating || self->session == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->custom), position >= G_N_ELEMENTS (presets));
  if (position < G_N_ELEMENTS (presets))
    hl_session_set_proximity_window (self->session, presets[position]);
}

static void
on_custom_changed (HlProximitySection *self)
{
  if (!self->updating && self->session != NULL)
    hl_session_set_proximity_window (self->session,
                                     (guint) gtk_spin_button_get_value_as_int (self->custom));
}

static void
on_session_notify (HlProximitySection *self, GParamSpec *pspec)
{
  if (g_str_has_prefix (pspec->name, "proximity-") || g_str_equal (pspec->name, "dataset"))
    update (self);
}

void
hl_proximity_section_set_session (HlProximitySection *self, HlSession *session)
{
  g_return_if_fail (HL_IS_PROXIMITY_SECTION (self));
  g_return_if_fail (session == NULL || HL_IS_SESSION (session));

  hl_session_observe (&self->session, session, self, G_CALLBACK (on_session_notify));
  update (self);
}

void
hl_proximity_section_set_event (HlProximitySection *self, int event)
{
  g_return_if_fail (HL_IS_PROXIMITY_SECTION (self));

  self->event = event;
  update (self);
}

static void
hl_proximity_section_dispose (GObject *object)
{
  HlProximitySection *self = HL_PROXIMITY_SECTION (object);

  hl_session_observe (&self->session, NULL, self, G_CALLBACK (on_session_notify));
  G_OBJECT_CLASS (hl_proximity_section_parent_class)->dispose (object);
}

static void
hl_proximity_section_class_init (HlProximitySectionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hl_proximity_section_dispose;
}

static GtkWidget *
window_row (HlProximitySection *self)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (_("Window"));

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      g_autofree char *days = hl_describe_number (presets[i]);
      g_autofree char *name = g_strdup_printf (ngettext ("%s day", "%s days", presets[i]), days);

      gtk_string_list_append (names, name);
    }
  gtk_string_list_append (names, _("Custom"));
  self->choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (names), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->choice), _("Days before or after the event"));
  self->custom = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, HL_PROXIMITY_MAX_WINDOW, 1));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->choice));
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->custom));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Proximity window"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->custom), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Proximity window in days"), -1);
  g_signal_connect_swapped (self->choice, "notify::selected", G_CALLBACK (on_choice_changed), self);
  g_signal_connect_swapped (self->custom, "value-changed", G_CALLBACK (on_custom_changed), self);
  return row;
}

static void
hl_proximity_section_init (HlProximitySection *self)
{
  GtkWidget *heading = gtk_label_new (_("Nearby in time"));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  self->event = -1;
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_label_set_wrap_mode (self->summary, PANGO_WRAP_WORD_CHAR);
  self->list = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  gtk_box_append (GTK_BOX (self), heading);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (self), window_row (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
hl_proximity_section_new (void)
{
  return g_object_new (HL_TYPE_PROXIMITY_SECTION, NULL);
}
