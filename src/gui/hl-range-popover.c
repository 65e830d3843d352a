/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The range popover, after gnome-text-editor's open popover: a widget
 * with its own template and actions, bound to a session. The presets
 * are rebuilt when the session's dataset changes; the custom entries are
 * filled from the session when the popover opens. */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-date.h"
#include "hl-range-popover.h"
#include "hl-timeline.h"

#define PRESET_SPACING   12
#define MAX_YEAR_PRESETS 30   /* a long dataset lists its first thirty years */

struct _HlRangePopover
{
  GtkPopover    parent_instance;

  HlSession    *session;
  GSignalGroup *session_signals;

  /* template */
  GtkBox       *presets_box;
  GtkEntry     *from_entry;
  GtkEntry     *to_entry;
  GtkLabel     *error_label;
};

enum
{
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HlRangePopover, hl_range_popover, GTK_TYPE_POPOVER)

static void
add_preset (HlRangePopover *self, const char *name, gint64 from, gint64 to)
{
  g_autofree char *range = hl_date_format_range (from, to);
  GtkWidget *button, *box, *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, PRESET_SPACING);
  label = gtk_label_new (name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  label = gtk_label_new (range);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), box);
  /* A screen reader says the preset, not "GtkButton" */
  {
    /* Translators: a range preset as a screen reader says it: its name, its dates */
    g_autofree char *name_and_range = g_strdup_printf (_("%s, %s"), name, range);

    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    name_and_range, -1);
  }
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "range.set");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(xx)", from, to);
  gtk_box_append (self->presets_box, button);
}

static void
add_year_presets (HlRangePopover *self, HlDataset *dataset)
{
  gint64 first, last;
  int y0, y1, m, d;

  if (!hl_dataset_get_extent (dataset, &first, &last))
    return;
  hl_date_to_ymd (first, &y0, &m, &d);
  hl_date_to_ymd (last, &y1, &m, &d);
  for (int y = y0; y <= y1 && y < y0 + MAX_YEAR_PRESETS; y++)
    {
      g_autofree char *name = g_strdup_printf ("%d", y);

      add_preset (self, name, hl_date_from_ymd (y, 1, 1), hl_date_from_ymd (y + 1, 1, 1));
    }
}

/* The dataset's default range, each period, all of it, and each
 * calendar year it touches. */
static void
rebuild_presets (HlRangePopover *self)
{
  HlDataset *dataset = self->session ? hl_session_get_dataset (self->session) : NULL;
  GtkWidget *child;
  gint64 from, to;
  HlView all;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->presets_box))) != NULL)
    gtk_box_remove (self->presets_box, child);
  if (dataset == NULL)
    return;

  hl_dataset_get_default_range (dataset, &from, &to);
  add_preset (self, _("Default Range"), from, to);
  for (guint i = 0; i < hl_dataset_get_n_periods (dataset); i++)
    {
      const HlPeriod *period = hl_dataset_get_period (dataset, i);

      add_preset (self, period->label, period->from, period->to);
    }
  hl_view_init (&all, dataset);
  hl_view_fit_all (&all, dataset);
  add_preset (self, _("Whole Dataset"), all.from, all.to);
  add_year_presets (self, dataset);
}

static void
on_show (HlRangePopover *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (self->session == NULL)
    return;
  from = hl_date_format_iso (hl_session_get_from (self->session));
  /* The range ends before its last second: show the day that includes it */
  to = hl_date_format_iso (hl_session_get_to (self->session) - 1);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
}

/* The entries' problems, under them: "To: the month must be 1 to 12". */
static void
update_error_label (HlRangePopover *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *from = gtk_widget_get_tooltip_text (GTK_WIDGET (self->from_entry));
  const char *to = gtk_widget_get_tooltip_text (GTK_WIDGET (self->to_entry));

  if (from != NULL)
    /* Translators: the problem with the typed start date */
    g_string_append_printf (text, _("From: %s"), from);
  if (from != NULL && to != NULL)
    g_string_append_c (text, '\n');
  if (to != NULL)
    /* Translators: the problem with the typed end date */
    g_string_append_printf (text, _("To: %s"), to);
  gtk_label_set_text (self->error_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), text->len > 0);
}

static void
clear_error (HlRangePopover *self, GtkEntry *entry)
{
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
  update_error_label (self);
}

static void
on_entry_changed (HlRangePopover *self, GtkEntry *entry)
{
  clear_error (self, entry);
}

static void
on_entry_activate (HlRangePopover *self, GtkEntry *entry)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "range.apply", NULL);
}

/* On the entry (red, with a tooltip, invalid for a screen reader) and in
 * words under the entries. */
static void
mark_error (HlRangePopover *self, GtkEntry *entry, const char *problem)
{
  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), problem);
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
  update_error_label (self);
}

static gboolean
parse_entry (HlRangePopover *self, GtkEntry *entry, gint64 *day)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  const char *problem = NULL;
  gboolean date_only;
  gint64 t;

  if (!hl_date_parse (text, &t, &date_only, &problem))
    {
      mark_error (self, entry, problem);
      return FALSE;
    }
  *day = hl_date_floor_day (t);
  return TRUE;
}

static void
action_set (GtkWidget *widget, const char *name, GVariant *param)
{
  HlRangePopover *self = HL_RANGE_POPOVER (widget);
  gint64 from, to;

  g_variant_get (param, "(xx)", &from, &to);
  if (self->session != NULL)
    hl_session_set_range (self->session, from, to);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
action_apply (GtkWidget *widget, const char *name, GVariant *param)
{
  HlRangePopover *self = HL_RANGE_POPOVER (widget);
  gint64 from, to;

  /* Both, so that both entries say what is wrong with them */
  if (!parse_entry (self, self->from_entry, &from) | !parse_entry (self, self->to_entry, &to))
    return;
  /* The "to" day is included: the range ends at the end of it. */
  to += HL_SECONDS_PER_DAY;
  if (to <= from)
    {
      mark_error (self, self->to_entry, _("The end must come after the start"));
      return;
    }
  if (self->session != NULL)
    hl_session_set_range (self->session, from, to);
  gtk_popover_popdown (GTK_POPOVER (self));
}

GtkWidget *
hl_range_popover_new (void)
{
  return g_object_new (HL_TYPE_RANGE_POPOVER, NULL);
}

HlSession *
hl_range_popover_get_session (HlRangePopover *self)
{
  g_return_val_if_fail (HL_IS_RANGE_POPOVER (self), NULL);
  return self->session;
}

void
hl_range_popover_set_session (HlRangePopover *self, HlSession *session)
{
  g_return_if_fail (HL_IS_RANGE_POPOVER (self));
  g_return_if_fail (session == NULL || HL_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;
  g_signal_group_set_target (self->session_signals, session);
  rebuild_presets (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
hl_range_popover_dispose (GObject *object)
{
  HlRangePopover *self = HL_RANGE_POPOVER (object);

  g_signal_group_set_target (self->session_signals, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), HL_TYPE_RANGE_POPOVER);
  G_OBJECT_CLASS (hl_range_popover_parent_class)->dispose (object);
}

static void
hl_range_popover_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HlRangePopover *self = HL_RANGE_POPOVER (object);

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
hl_range_popover_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HlRangePopover *self = HL_RANGE_POPOVER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      hl_range_popover_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A popover in the header takes the focus while open; when it closes, the
 * focus goes back to the chart, whose keys (+, -, Home, arrows) would
 * otherwise not answer until it is clicked. */
static void
hl_range_popover_closed (GtkPopover *popover)
{
  if (GTK_POPOVER_CLASS (hl_range_popover_parent_class)->closed != NULL)
    GTK_POPOVER_CLASS (hl_range_popover_parent_class)->closed (popover);
  hl_timeline_refocus (GTK_WIDGET (popover));
}

static void
hl_range_popover_class_init (HlRangePopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_range_popover_dispose;
  GTK_POPOVER_CLASS (klass)->closed = hl_range_popover_closed;
  object_class->get_property = hl_range_popover_get_property;
  object_class->set_property = hl_range_popover_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, HL_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/heistline/Heistline/hl-range-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, HlRangePopover, presets_box);
  gtk_widget_class_bind_template_child (widget_class, HlRangePopover, from_entry);
  gtk_widget_class_bind_template_child (widget_class, HlRangePopover, to_entry);
  gtk_widget_class_bind_template_child (widget_class, HlRangePopover, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_show);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);

  gtk_widget_class_install_action (widget_class, "range.set", "(xx)", action_set);
  gtk_widget_class_install_action (widget_class, "range.apply", NULL, action_apply);
}

static void
hl_range_popover_init (HlRangePopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->session_signals = g_signal_group_new (HL_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::dataset",
                                 G_CALLBACK (rebuild_presets), self, G_CONNECT_SWAPPED);
}
