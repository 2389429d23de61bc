#include "leaddetailpanel.h"

#include "undo/leadcommands.h"

#include "errorlabel.h"
#include "leadeditdialog.h"
#include "timelineview.h"
#include "insight/leadtimeline.h"
#include "store/leadstore.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUndoStack>
#include <QShortcut>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace leadtrail {

LeadDetailPanel::LeadDetailPanel(const Workspace &workspace, LeadStore &store, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_store(store)
{
    auto *layout = new QVBoxLayout(this);

    m_empty = new QLabel(tr("Select a lead to see its details and activity."), this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);
    layout->addWidget(m_empty, 1);

    m_content = new QWidget(this);
    auto *content = new QVBoxLayout(m_content);
    content->setContentsMargins(0, 0, 0, 0);

    m_title = new QLabel(m_content);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    content->addWidget(m_title);

    m_subtitle = new QLabel(m_content);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    content->addWidget(m_subtitle);

    auto *stageRow = new QHBoxLayout;
    auto *stageForm = new QFormLayout;
    m_stage = new QComboBox(m_content);
    m_stage->setAccessibleName(tr("Stage"));
    connect(m_stage, &QComboBox::activated, this, &LeadDetailPanel::changeStage);
    stageForm->addRow(tr("Stage"), m_stage);
    stageRow->addLayout(stageForm, 1);
    m_edit = new QPushButton(tr("&Edit…"), m_content);
    m_edit->setToolTip(tr("Edit this lead's details (F2)"));
    m_edit->setAccessibleName(tr("Edit lead"));
    auto *editShortcut = new QShortcut(QKeySequence(Qt::Key_F2), this);
    editShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(editShortcut, &QShortcut::activated, this, [this] { editLead(); });
    connect(m_edit, &QPushButton::clicked, this, [this] { editLead(); });
    stageRow->addWidget(m_edit);
    content->addLayout(stageRow);

    m_fields = new QFormLayout;
    m_fields->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    content->addLayout(m_fields);

    auto *timelineTitle = new QLabel(tr("Activity"), m_content);
    QFont sectionFont = timelineTitle->font();
    sectionFont.setBold(true);
    timelineTitle->setFont(sectionFont);
    content->addSpacing(8);
    content->addWidget(timelineTitle);

    m_timeline = new TimelineView(m_content);
    content->addWidget(m_timeline, 1);

    m_noteEdit = new QPlainTextEdit(m_content);
    m_noteEdit->setPlaceholderText(tr("Write a note about this lead…"));
    m_noteEdit->setAccessibleName(tr("New note"));
    m_noteEdit->setMaximumHeight(80);
    content->addWidget(m_noteEdit);

    m_addNote = new QPushButton(tr("Add note"), m_content);
    m_addNote->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_addNote->setToolTip(tr("Add the note to the lead's timeline (Ctrl+Enter)"));
    connect(m_addNote, &QPushButton::clicked, this, &LeadDetailPanel::addNote);
    content->addWidget(m_addNote, 0, Qt::AlignRight);

    m_error = new ErrorLabel(m_content);
    content->addWidget(m_error);

    layout->addWidget(m_content, 1);
    m_content->hide();
}

void LeadDetailPanel::showLead(qint64 leadId)
{
    m_lead = leadId > 0 ? m_store.find(leadId) : std::nullopt;
    m_error->hide();
    refresh();
}

void LeadDetailPanel::setSelectionCount(int count)
{
    m_empty->setText(count > 1 ? tr("%n leads selected. Change their stage or tags together with the buttons "
                                    "above the table.", nullptr, count)
                               : tr("Select a lead to see its details and activity."));
}

void LeadDetailPanel::refresh()
{
    m_empty->setVisible(!m_lead);
    m_content->setVisible(m_lead.has_value());
    if (!m_lead)
        return;
    const Lead &lead = *m_lead;

    m_title->setText(lead.displayName());
    m_subtitle->setText(lead.company.isEmpty() ? lead.email
                                               : tr("%1 · %2").arg(lead.email, lead.company));

    while (m_fields->rowCount() > 0)
        m_fields->removeRow(0);

    {
        const QSignalBlocker blocker(m_stage);
        m_stage->clear();
        m_stage->addItems(m_store.stages());
        m_stage->setCurrentText(lead.stage);
    }

    auto addField = [this](const QString &label, const QString &value) {
        if (value.isEmpty())
            return;
        auto *field = new QLabel(value);
        field->setTextInteractionFlags(Qt::TextSelectableByMouse);
        field->setWordWrap(true);
        m_fields->addRow(label, field);
    };
    addField(tr("Phone"), lead.phone);
    addField(tr("Category"), lead.category);
    addField(tr("Tags"), lead.tags.join(QStringLiteral(", ")));
    addField(tr("Owner"), lead.owner);
    addField(tr("Score"), QString::number(lead.score));
    for (auto it = lead.customFields.cbegin(); it != lead.customFields.cend(); ++it)
        addField(it.key(), it.value());
    if (lead.unsubscribedAt.isValid())
        addField(tr("Unsubscribed"), QLocale().toString(lead.unsubscribedAt.toLocalTime(), QLocale::ShortFormat));
    if (lead.bounced)
        addField(tr("Bounced"), tr("Yes: no campaign is sent to this address"));

    QString error;
    const std::optional<QList<TimelineItem>> items = LeadTimeline::build(m_workspace, lead.id, &error);
    if (items)
        m_timeline->setItems(*items);
    else
        m_timeline->setMessage(tr("The activity cannot be shown: %1").arg(error));
}

void LeadDetailPanel::changeStage(int index)
{
    if (!m_lead || index < 0)
        return;
    QString error;
    if (!m_store.setStage(m_lead->id, m_stage->itemText(index), &error)) {
        showError(error);
        return;
    }
    const qint64 id = m_lead->id;
    showLead(id);
    emit leadChanged(id);
}

void LeadDetailPanel::addNote()
{
    const QString text = m_noteEdit->toPlainText().trimmed();
    if (!m_lead || text.isEmpty())
        return;
    QString error;
    const std::optional<Note> note = m_store.addNote(m_lead->id, text, &error);
    if (!note) {
        showError(error);
        return;
    }
    m_noteEdit->clear();
    const qint64 id = m_lead->id;
    if (m_undo)
        m_undo->push(new AddNoteCommand(m_workspace, *note, [this](const QList<qint64> &leads) {
            showLead(leads.constFirst());
            emit leadChanged(leads.constFirst());
        }));
    showLead(id);
    emit leadChanged(id);
}

LeadEditDialog *LeadDetailPanel::editLead()
{
    if (!m_lead)
        return nullptr;
    // Window-modal and not blocking: the panel refreshes when it is saved.
    auto *dialog = new LeadEditDialog(m_store, *m_lead, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 id = m_lead->id;
    const Lead before = *m_lead;
    connect(dialog, &QDialog::accepted, this, [this, id, before] {
        const std::optional<Lead> after = m_store.find(id);
        if (m_undo && after)
            m_undo->push(new ChangeLeadsCommand(m_workspace, tr("Edit %1").arg(before.email), {before}, {*after},
                                                [this](const QList<qint64> &leads) {
                                                    showLead(leads.constFirst());
                                                    emit leadChanged(leads.constFirst());
                                                }));
        showLead(id);
        emit leadChanged(id);
    });
    dialog->open();
    return dialog;
}

void LeadDetailPanel::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

} // namespace leadtrail
