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

    /** The customer at {@code index} (0-based); loan and complaint ids are taken from {@code ids} in file order. */
    CustomerStory simulate(int index, Ids ids) {
        // One stream per concern: drawing more in one (a later treatment, say) leaves the others unchanged.
        SplittableRandom random = Seeds.forCustomer(settings.seed(), index);
        Draw planDraw = new Draw(random.split());
        Draw firmDraw = new Draw(random.split());
        Draw loanDraw = new Draw(random.split());
        Draw eventDraw = new Draw(random.split());

        Archetype archetype = Archetype.draw(planDraw);
        CustomerPlan plan = planner.plan(archetype, planDraw);
        Firm firm = Firms.draw(index, firmDraw);
        LoanBook book = new LoanBook(plan, firm, loanDraw, end).simulate();
        if (book.defaultedOn != null) {
            plan = plan.withActivityEnd(Planner.earlier(end, book.defaultedOn.plusDays(eventDraw.between(30, 90))));
        }

        String customerId = Ids.customer(index);
        Customer customer = customer(customerId, firm, plan, book, eventDraw);
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
        live(plan, eventDraw, touches, complaints, customerId, ids);
        survey(plan, firm, eventDraw, surveys, customerId);
        return new CustomerStory(
                archetype,
                customer,
                loans,
                installments,
                complaints,
                surveys,
                interactions(plan, touches, customerId, eventDraw));
    }

    private Customer customer(String id, Firm firm, CustomerPlan plan, LoanBook book, Draw draw) {
        LocalDate closedOn = null;
        CloseReason reason = null;
        if (plan.archetype() == Archetype.CHURNED_TO_COMPETITOR && draw.chance(0.85)) {
            closedOn = plan.turn().plusDays(draw.between(0, 45));
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

    /** Last day on which the customer does anything. */
    private LocalDate activeUntil(CustomerPlan plan) {
        return Planner.earlier(end, plan.activityEnd());
    }

    /** Month by month: interactions and complaints as Poisson counts with the rates of the conduct of that month. */
    private void live(
            CustomerPlan plan, Draw draw, List<Touch> touches, List<Complaint> complaints, String customerId, Ids ids) {
        LocalDate from = activeFrom(plan);
        LocalDate until = activeUntil(plan);
        List<Complaint> received = new ArrayList<>();
        for (int month = 0; ; month++) {
            LocalDate sliceStart = from.plusMonths(month);
            if (sliceStart.isAfter(until)) {
                break;
            }
            LocalDate sliceEnd = Planner.earlier(from.plusMonths(month + 1L).minusDays(1), until);
            long days = ChronoUnit.DAYS.between(sliceStart, sliceEnd) + 1;
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
                    touches.add(new Touch(sliceStart.plusDays(draw.between(0, days - 1)), type));
                }
            }
            Conduct.Grievances grievances = conduct.grievances();
            for (int n = draw.poisson(grievances.perYear() * years); n > 0; n--) {
                received.add(complaint(sliceStart.plusDays(draw.between(0, days - 1)), grievances, customerId, draw));
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

    /** The lender surveys customers every half year (medium and large companies) or every year (the others). */
    private void survey(CustomerPlan plan, Firm firm, Draw draw, List<Survey> surveys, String customerId) {
        CompanySize size = firm.sizeOrMedium();
        int months = size == CompanySize.MEDIUM || size == CompanySize.LARGE ? 6 : 12;
        LocalDate first = plan.onboardedOn().plusDays(draw.between(30, 90));
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
            Conduct.Mood mood = Behaviours.on(plan, on).mood();
            if (!draw.chance(mood.surveyResponse())) {
                continue;
            }
            double noise = 0.7 * draw.gaussian();
            int satisfaction = (int) Math.max(1, Math.min(5, Math.round(mood.satisfaction() + noise)));
            int nps = (int) Math.max(0, Math.min(10, Math.round(mood.nps() + 1.2 * noise + 1.2 * draw.gaussian())));
            double answered = draw.unit();
            surveys.add(new Survey(
                    customerId,
                    on,
                    answered < 0.08 ? null : satisfaction,
                    answered >= 0.08 && answered < 0.2 ? null : nps));
        }
    }

    /** The touches dated within the customer's active part of the period, with channels, in date order. */
    private List<Interaction> interactions(CustomerPlan plan, List<Touch> touches, String customerId, Draw draw) {
        LocalDate from = activeFrom(plan);
        LocalDate until = activeUntil(plan);
        List<Interaction> interactions = new ArrayList<>(touches.size());
        for (Touch touch : touches) {
            if (!touch.on().isBefore(from) && !touch.on().isAfter(until)) {
                interactions.add(
                        new Interaction(customerId, touch.on(), touch.type(), Channels.draw(touch.type(), draw)));
            }
        }
        interactions.sort(INTERACTION_ORDER);
        return interactions;
    }
}
