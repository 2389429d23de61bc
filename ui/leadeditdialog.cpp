#include "leadeditdialog.h"

#include "errorlabel.h"
#include "store/leadstore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace leadtrail {

LeadEditDialog::LeadEditDialog(LeadStore &store, const Lead &lead, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_lead(lead)
{
    setWindowTitle(tr("Edit %1").arg(lead.displayName()));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    const auto addLine = [&](const QString &label, const QString &objectName, const QString &value) {
        auto *edit = new QLineEdit(value, this);
        edit->setObjectName(objectName);
        auto *caption = new QLabel(label, this);
        caption->setBuddy(edit);
        edit->setAccessibleName(QString(label).remove(u'&'));
        form->addRow(caption, edit);
        return edit;
    };
    m_email = addLine(tr("&Email"), u"email"_s, lead.email);
    m_firstName = addLine(tr("&First name"), u"first_name"_s, lead.firstName);
    m_lastName = addLine(tr("&Last name"), u"last_name"_s, lead.lastName);
    m_company = addLine(tr("C&ompany"), u"company"_s, lead.company);
    m_phone = addLine(tr("&Phone"), u"phone"_s, lead.phone);

    m_category = new QComboBox(this);
    m_category->setEditable(true);
    m_category->addItems(store.categories());
    m_category->setCurrentText(lead.category);
    m_category->setAccessibleName(tr("Category"));
    auto *categoryLabel = new QLabel(tr("C&ategory"), this);
    categoryLabel->setBuddy(m_category);
    form->addRow(categoryLabel, m_category);

    m_owner = addLine(tr("O&wner"), u"owner"_s, lead.owner);
    m_tags = addLine(tr("&Tags"), u"tags"_s, lead.tags.join(u", "_s));
    m_tags->setPlaceholderText(tr("comma-separated, e.g. vip, spring-fair"));
    layout->addLayout(form);

    auto *customTitle = new QLabel(tr("Custom fields"), this);
    layout->addWidget(customTitle);
    m_custom = new QTableWidget(0, 2, this);
    m_custom->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
    m_custom->horizontalHeader()->setStretchLastSection(true);
    m_custom->verticalHeader()->hide();
    m_custom->setAccessibleName(tr("Custom fields"));
    for (auto it = lead.customFields.cbegin(); it != lead.customFields.cend(); ++it) {
        const int row = m_custom->rowCount();
        m_custom->insertRow(row);
        m_custom->setItem(row, 0, new QTableWidgetItem(it.key()));
        m_custom->setItem(row, 1, new QTableWidgetItem(it.value()));
    }
    layout->addWidget(m_custom, 1);

    auto *customButtons = new QHBoxLayout;
    auto *addField = new QPushButton(tr("Add &field"), this);
    auto *removeField = new QPushButton(tr("&Remove field"), this);
    connect(addField, &QPushButton::clicked, this, [this] {
        const int row = m_custom->rowCount();
        m_custom->insertRow(row);
        m_custom->setItem(row, 0, new QTableWidgetItem);
        m_custom->setItem(row, 1, new QTableWidgetItem);
        m_custom->setCurrentCell(row, 0);
        m_custom->editItem(m_custom->item(row, 0));
    });
    connect(removeField, &QPushButton::clicked, this, [this] {
        if (m_custom->currentRow() >= 0)
            m_custom->removeRow(m_custom->currentRow());
    });
    customButtons->addWidget(addField);
    customButtons->addWidget(removeField);
    customButtons->addStretch(1);
    layout->addLayout(customButtons);

    m_error = new ErrorLabel(this);
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &LeadEditDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &LeadEditDialog::reject);
    layout->addWidget(buttons);
    resize(480, 560);
}

QLineEdit *LeadEditDialog::field(const QString &name) const
{
    return findChild<QLineEdit *>(name);
}

QString LeadEditDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

Lead LeadEditDialog::edited() const
{
    Lead lead = m_lead;
    lead.email = m_email->text().trimmed();
    lead.firstName = m_firstName->text().trimmed();
    lead.lastName = m_lastName->text().trimmed();
    lead.company = m_company->text().trimmed();
    lead.phone = m_phone->text().trimmed();
    lead.category = m_category->currentText().trimmed();
    lead.owner = m_owner->text().trimmed();
    lead.tags.clear();
    for (const QString &tag : m_tags->text().split(u',', Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty())
            lead.tags << tag.trimmed();
    }
    lead.customFields.clear();
    for (int row = 0; row < m_custom->rowCount(); ++row) {
        const QTableWidgetItem *name = m_custom->item(row, 0);
        const QTableWidgetItem *value = m_custom->item(row, 1);
        const QString key = name ? name->text().trimmed() : QString();
        if (!key.isEmpty())
            lead.customFields.insert(key, value ? value->text() : QString());
    }
    return lead;
}

void LeadEditDialog::accept()
{
    Lead lead = edited();
    if (lead.sameData(m_lead)) {
        QDialog::accept();
        return;
    }
    QString error;
    if (!m_store.update(lead, &error)) {
        m_error->setText(tr("Not saved: %1").arg(error));
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace leadtrail
