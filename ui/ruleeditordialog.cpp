#include "ruleeditordialog.h"

#include "errorlabel.h"
#include "ruleform.h"
#include "rulespage.h"

#include "insight/rulestore.h"
#include "store/leadstore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace leadtrail {

RuleEditorDialog::RuleEditorDialog(const Workspace &workspace, const Rule &rule, const QString &campaignName,
                                   QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
{
    setWindowTitle(tr("Edit rule"));
    auto *layout = new QVBoxLayout(this);
    m_form = new RuleForm(this);
    m_form->setStages(LeadStore(workspace).stages());
    m_form->setCampaignName(campaignName);
    m_form->setCampaigns(RulesPage::campaignChoices(workspace));
    m_form->setRule(rule);
    layout->addWidget(m_form);
    m_enabled = new QCheckBox(tr("&Rule is on"), this);
    m_enabled->setToolTip(tr("A rule that is off is kept but does nothing."));
    m_enabled->setAccessibleName(tr("Rule is on"));
    m_enabled->setChecked(rule.enabled);
    layout->addWidget(m_enabled);
    m_error = new ErrorLabel(this);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &RuleEditorDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // An error about the old text no longer applies to the new one.
    connect(m_form, &RuleForm::changed, m_error, &QLabel::hide);
    setMinimumWidth(520);
}

QString RuleEditorDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

bool RuleEditorDialog::save()
{
    Rule rule = m_form->rule();
    rule.enabled = m_enabled->isChecked();
    QString error;
    if (rule.name.isEmpty())
        error = tr("Give the rule a name.");
    else if (!RuleStore(m_workspace).update(rule, &error))
        error = tr("The rule was not saved: %1").arg(error);
    if (!error.isEmpty()) {
        m_error->setText(error);
        m_error->show();
        return false;
    }
    accept();
    return true;
}

} // namespace leadtrail
