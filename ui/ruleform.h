#pragma once

#include "insight/rule.h"

#include <QList>
#include <QWidget>

#include <utility>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace leadtrail {

/**
 * The fields of one rule (name, when, link text, campaign, only in stages,
 * then, value, backward moves allowed) with its
 * readable sentence below them, updated as the user types. Used for a new
 * rule on the Rules page and, prefilled, in RuleEditorDialog; it holds no
 * rule itself and never saves: its owner passes rule() to RuleStore.
 */
class RuleForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleForm)

public:
    explicit RuleForm(QWidget *parent = nullptr);

    /** The stages a "move them to" rule can name (and limit itself to), in pipeline order. */
    void setStages(const QStringList &stages);
    /** The campaigns a rule can be limited to: id → name, in the order shown after "any campaign". */
    void setCampaigns(const QList<std::pair<qint64, QString>> &campaigns);
    /** Fills every field from @p rule (id and enabled are kept for rule()). */
    void setRule(const Rule &rule);
    /** The name of the campaign a campaign-bound rule belongs to, for its sentence when it is not in setCampaigns(). */
    void setCampaignName(const QString &name);
    /** The rule as the fields say, with the id and enabled state given to setRule(). */
    Rule rule() const;
    void clear();
    QString sentence() const;
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *patternField() const { return m_pattern; }
    QComboBox *actionField() const { return m_action; }
    QComboBox *stageField() const { return m_stage; }
    QLineEdit *argumentField() const { return m_argument; }
    QComboBox *campaignField() const { return m_campaign; }
    /** One checkable row per stage; none checked: any stage. */
    QListWidget *onlyInStagesField() const { return m_onlyIn; }
    QCheckBox *allowBackwardField() const { return m_allowBackward; }

signals:
    void changed();

private:
    void update();
    void selectCampaign(qint64 id);

    Rule m_base;
    QString m_campaignName;
    QLineEdit *m_name = nullptr;
    QComboBox *m_trigger = nullptr;
    QLineEdit *m_pattern = nullptr;
    QComboBox *m_action = nullptr;
    QComboBox *m_stage = nullptr;
    QLineEdit *m_argument = nullptr;
    QComboBox *m_campaign = nullptr;
    QListWidget *m_onlyIn = nullptr;
    QCheckBox *m_allowBackward = nullptr;
    QLabel *m_preview = nullptr;
};

} // namespace leadtrail
