package io.fidelis.generator;

import io.fidelis.core.domain.CloseReason;
import io.fidelis.core.domain.CompanySize;
import io.fidelis.core.domain.Complaint;
import io.fidelis.core.domain.ComplaintCategory;
import io.fidelis.core.domain.Customer;
import io.fidelis.core.domain.Installment;
import io.fidelis.core.domain.Interaction;
import io.fidelis.core.domain.InteractionType;
import io.fidelis.core.domain.Loan;
import io.fidelis.core.domain.Severity;
import io.fidelis.core.domain.Survey;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates one customer from its own random stream: plan, company, loans, then interactions, complaints and surveys
 * from its conduct over time; finally cuts everything at the end date and the start of the period.
 */
final class CustomerSimulation {

    private static final InteractionType[] TYPES = InteractionType.values();
    private static final ComplaintCategory[] CATEGORIES = ComplaintCategory.values();
    private static final Severity[] SEVERITIES = Severity.values();

    private static final Comparator<Interaction> INTERACTION_ORDER = Comparator.comparing(Interaction::occurredOn)
            .thenComparing(Interaction::type)
            .thenComparing(interaction ->
                    interaction.channel() == null ? -1 : interaction.channel().ordinal());

    /**
     * Standard deviation of a survey answer around the conduct's mean satisfaction, before rounding to 1..5. A
     * strategy's shift of the answers relies on it (see {@link SatisfactionShift}).
     */
    static final double SATISFACTION_NOISE = 0.7;

    private final GeneratorSettings settings;
    private final Planner planner;
    private final LocalDate end;
    private final LocalDate windowStart;

    CustomerSimulation(GeneratorSettings settings) {
        this.settings = settings;
        this.planner = new Planner(settings);
        this.end = settings.end();
        this.windowStart = settings.windowStart();
    }

    /** The plan of the customer at {@code index}: its archetype's story and any background exit. */
    CustomerPlan plan(int index) {
        SplittableRandom random = Seeds.forCustomer(settings.seed(), index);
        Draw planDraw = new Draw(random.split());
        Archetype archetype = Archetype.draw(planDraw);
        return planner.plan(archetype, planDraw);
    }

    /** The customer at {@code index} (0-based); loan and complaint ids are taken from {@code ids} in file order. */
    CustomerStory simulate(int index, Ids ids) {
        return simulate(index, plan(index), ids);
    }

    /**
     * The customer at {@code index} living {@code plan}: its own plan, or that plan with the exit prevented by a
     * strategy ({@link CustomerPlan#retain()}).
     */
    CustomerStory simulate(int index, CustomerPlan plan, Ids ids) {
        // One stream per concern, and keyed streams inside them (see Seeds): drawing more in one leaves the others
        // unchanged.
        SplittableRandom random = Seeds.forCustomer(settings.seed(), index);
        random.split(); // the plan's, drawn by plan(index)
        Draw firmDraw = new Draw(random.split());
        Draw loanDraw = new Draw(random.split());
        long root = random.split().nextLong();

        Firm firm = Firms.draw(index, firmDraw);
        LoanBook book = new LoanBook(plan, firm, loanDraw, root, end).simulate();
        Draw closure = Seeds.keyed(root, Seeds.Purpose.CLOSURE, 0);
        if (book.defaultedOn != null) {
            plan = plan.withActivityEnd(Planner.earlier(end, book.defaultedOn.plusDays(closure.between(30, 90))));
        }

        String customerId = Ids.customer(index);
        Customer customer = customer(customerId, firm, plan, book, closure);
        List<Loan> loans = new ArrayList<>();
        List<Installment> installments = new ArrayList<>();
        for (LoanPath path : book.loans) {
            if (path.inBook(end, windowStart)) {
                String loanId = ids.nextLoan();
                loans.add(path.asOf(end, loanId, customerId));
                path.installmentsAsOf(end, windowStart, loanId, installments);
            }
        }
        List<Touch> touches = new ArrayList<>(book.touches);
        List<Complaint> complaints = new ArrayList<>();
        List<Survey> surveys = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        live(plan, root, touches, complaints, customerId, ids);
        survey(plan, firm, root, surveys, means, customerId);
        double[] satisfactionMeans = new double[means.size()];
        for (int i = 0; i < satisfactionMeans.length; i++) {
            satisfactionMeans[i] = means.get(i);
        }
        return new CustomerStory(
                plan.archetype(),
                IntendedClass.at(plan, end),
                customer,
                loans,
                installments,
                complaints,
                surveys,
                satisfactionMeans,
                interactions(plan, touches, customerId, root));
    }

    private Customer customer(String id, Firm firm, CustomerPlan plan, LoanBook book, Draw draw) {
        LocalDate closedOn = null;
        CloseReason reason = null;
        Exit exit = plan.exitTaken();
        if (exit != null && exit.leaves() && draw.chance(0.85)) {
            closedOn = exit.on().plusDays(draw.between(0, 45));
            reason = draw.chance(0.8) ? CloseReason.MOVED_TO_COMPETITOR : CloseReason.CLOSED_BY_CUSTOMER;
        } else if (book.defaultedOn != null) {
            // Closed once the collection contacts are over.
            closedOn = Planner.later(book.defaultedOn.plusDays(draw.between(60, 300)), plan.activityEnd());
            reason = CloseReason.DEFAULT;
        }
        if (closedOn != null && closedOn.isAfter(end)) {
            closedOn = null;
            reason = null;
        }
        return new Customer(
                id,
                firm.name(),
                firm.industryCode(),
                firm.region(),
                firm.size(),
                firm.groupId(),
                plan.onboardedOn(),
                closedOn,
                reason);
    }

    /** First day on which the customer can do anything that is written. */
    private LocalDate activeFrom(CustomerPlan plan) {
        return Planner.later(plan.onboardedOn(), windowStart);
    }

    /** Last day on which the customer does anything: a customer a strategy kept carries on to the end date. */
    private LocalDate activeUntil(CustomerPlan plan) {
        return plan.retained() ? end : Planner.earlier(end, plan.activityEnd());
    }

    /**
     * Month by month: interactions and complaints as Poisson counts with the rates of the conduct of that month. Every
     * month is drawn whole from its own stream and then cut at the last active day, so the months before an exit are
     * the same whether or not the customer leaves.
     */
    private void live(
            CustomerPlan plan, long root, List<Touch> touches, List<Complaint> complaints, String customerId, Ids ids) {
        LocalDate from = activeFrom(plan);
        LocalDate until = activeUntil(plan);
        List<Complaint> received = new ArrayList<>();
        for (int month = 0; ; month++) {
            LocalDate sliceStart = from.plusMonths(month);
            if (sliceStart.isAfter(until)) {
                break;
            }
            Draw draw = Seeds.keyed(root, Seeds.Purpose.MONTH, month);
            long days = ChronoUnit.DAYS.between(sliceStart, from.plusMonths(month + 1L));
            double years = days / 365.0;
            Conduct conduct = Behaviours.on(plan, sliceStart);
            double[] rates = conduct.ratesPerYear();
            boolean enrolled = plan.enrolledOn() != null && !plan.enrolledOn().isAfter(sliceStart);
            for (InteractionType type : TYPES) {
                double rate = rates[type.ordinal()];
                if (rate <= 0 || type == InteractionType.PROGRAMME_BENEFIT_USED && !enrolled) {
                    continue;
                }
                for (int n = draw.poisson(rate * years); n > 0; n--) {
                    LocalDate on = sliceStart.plusDays(draw.between(0, days - 1));
                    if (!on.isAfter(until)) {
                        touches.add(new Touch(on, type));
                    }
                }
            }
            Conduct.Grievances grievances = conduct.grievances();
            for (int n = draw.poisson(grievances.perYear() * years); n > 0; n--) {
                Complaint complaint =
                        complaint(sliceStart.plusDays(draw.between(0, days - 1)), grievances, customerId, draw);
                if (!complaint.receivedOn().isAfter(until)) {
                    received.add(complaint);
                }
            }
        }
        if (plan.enrolledOn() != null) {
            touches.add(new Touch(plan.enrolledOn(), InteractionType.PROGRAMME_ENROLLED));
        }
        if (plan.archetype() == Archetype.NEW) {
            touches.add(new Touch(plan.onboardedOn(), InteractionType.MEETING)); // the onboarding meeting
        }
        received.sort(Comparator.comparing(Complaint::receivedOn));
        for (Complaint complaint : received) {
            complaints.add(new Complaint(
                    ids.nextComplaint(),
                    customerId,
                    complaint.receivedOn(),
                    complaint.category(),
                    complaint.severity(),
                    complaint.resolvedOn(),
                    complaint.escalated()));
        }
    }

    private Complaint complaint(LocalDate received, Conduct.Grievances grievances, String customerId, Draw draw) {
        ComplaintCategory category = CATEGORIES[draw.weighted(grievances.categoryWeights())];
        Severity severity = SEVERITIES[draw.weighted(grievances.severityWeights())];
        long days = switch (severity) {
            case LOW -> draw.between(1, 20);
            case MEDIUM -> draw.between(5, 45);
            case HIGH -> draw.between(10, 120);
        };
        double escalation = switch (severity) {
            case LOW -> 0.005;
            case MEDIUM -> 0.04;
            case HIGH -> 0.25;
        };
        LocalDate resolved = draw.chance(0.04) ? null : received.plusDays(days);
        if (resolved != null && resolved.isAfter(end)) {
            resolved = null; // still open on the end date
        }
        return new Complaint("pending", customerId, received, category, severity, resolved, draw.chance(escalation));
    }

    /** A satisfaction answer: the mean plus the noise, rounded half up and kept within 1..5. */
    static int satisfactionAnswer(double mean, double noise) {
        return (int) Math.max(1, Math.min(5, Math.round(mean + noise)));
    }

    /** The lender surveys customers every half year (medium and large companies) or every year (the others). */
    private void survey(
            CustomerPlan plan, Firm firm, long root, List<Survey> surveys, List<Double> means, String customerId) {
        CompanySize size = firm.sizeOrMedium();
        int months = size == CompanySize.MEDIUM || size == CompanySize.LARGE ? 6 : 12;
        LocalDate first = plan.onboardedOn()
                .plusDays(Seeds.keyed(root, Seeds.Purpose.SURVEY, -1).between(30, 90));
        LocalDate from = activeFrom(plan);
        LocalDate until = activeUntil(plan);
        long skip = first.isBefore(from) ? ChronoUnit.MONTHS.between(first, from) / months : 0;
        for (long k = skip; ; k++) {
            LocalDate on = first.plusMonths(k * months);
            if (on.isAfter(until)) {
                break;
            }
            if (on.isBefore(from)) {
                continue;
            }
            Draw draw = Seeds.keyed(root, Seeds.Purpose.SURVEY, k);
            Conduct.Mood mood = Behaviours.on(plan, on).mood();
            if (!draw.chance(mood.surveyResponse())) {
                continue;
            }
            double noise = SATISFACTION_NOISE * draw.gaussian();
            int satisfaction = satisfactionAnswer(mood.satisfaction(), noise);
            int nps = (int) Math.max(0, Math.min(10, Math.round(mood.nps() + 1.2 * noise + 1.2 * draw.gaussian())));
            double answered = draw.unit();
            surveys.add(new Survey(
                    customerId,
                    on,
                    answered < 0.08 ? null : satisfaction,
                    answered >= 0.08 && answered < 0.2 ? null : nps));
            means.add(mood.satisfaction());
        }
    }

    /**
     * The touches dated within the customer's active part of the period, with channels drawn in date order (so a
     * longer story only adds draws at the end), sorted.
     */
    private List<Interaction> interactions(CustomerPlan plan, List<Touch> touches, String customerId, long root) {
        LocalDate from = activeFrom(plan);
        LocalDate until = activeUntil(plan);
        List<Touch> dated = new ArrayList<>(touches.size());
        for (Touch touch : touches) {
            if (!touch.on().isBefore(from) && !touch.on().isAfter(until)) {
                dated.add(touch);
            }
        }
        dated.sort(Comparator.comparing(Touch::on).thenComparing(Touch::type));
        Draw draw = Seeds.keyed(root, Seeds.Purpose.CHANNEL, 0);
        List<Interaction> interactions = new ArrayList<>(dated.size());
        for (Touch touch : dated) {
            interactions.add(new Interaction(customerId, touch.on(), touch.type(), Channels.draw(touch.type(), draw)));
        }
        interactions.sort(INTERACTION_ORDER);
        return interactions;
    }
}
