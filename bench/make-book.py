#!/usr/bin/env python3
"""A plain book writer for the import benchmark, used until `fidelis generate` exists.

Writes the contract's six tables (docs/data-format.md) for N customers, deterministic for a seed: per customer
1 or 2 loans (1.5 on average) of 20 monthly installments each (so ~30 installments per customer, split into one
file per due year), one survey, five interactions, and a complaint for one customer in ten. The values are plain
and valid; they carry no behaviour worth classifying (that is the generator's job).

Usage: make-book.py --customers N --seed S --out DIR
"""
import argparse
import datetime as dt
import os
import random

PRODUCTS = ["project_finance", "working_capital", "term_loan", "leasing", "trade_finance", "revolving"]
SIZES = ["micro", "small", "medium", "large"]
TYPES = ["application", "drawdown", "inquiry", "meeting", "event", "referral_made", "competitor_quote"]
CHANNELS = ["branch", "online", "relationship_manager", "phone"]
CATEGORIES = ["pricing", "service", "process", "product", "staff", "other"]


def add_months(day, months):
    month = day.month - 1 + months
    return dt.date(day.year + month // 12, month % 12 + 1, min(day.day, 28))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, required=True)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)

    def open_table(name, header):
        f = open(os.path.join(args.out, name), "w", encoding="utf-8", newline="")
        f.write(header + "\n")
        return f

    customers = open_table("customers.csv", "customer_id,name,industry,region,size,group_id,onboarded_on")
    loans = open_table(
        "loans.csv",
        "loan_id,customer_id,product,amount,currency,annual_rate,start_date,maturity_date,status,status_date")
    installments = {}
    complaints = open_table("complaints.csv", "complaint_id,customer_id,received_on,category,severity,resolved_on,escalated")
    surveys = open_table("surveys.csv", "customer_id,surveyed_on,satisfaction,nps")
    interactions = open_table("interactions.csv", "customer_id,occurred_on,type,channel")
    day0 = dt.date(2022, 1, 1)
    loan_no = 0
    complaint_no = 0
    for c in range(1, args.customers + 1):
        cid = f"C{c:08d}"
        onboarded = day0 + dt.timedelta(days=rnd.randrange(0, 700))
        customers.write(f"{cid},Company {c},I{rnd.randrange(20):02d},R{rnd.randrange(30):02d},"
                        f"{rnd.choice(SIZES)},G{c // 7:07d},{onboarded.isoformat()}\n")
        for _ in range(1 if rnd.random() < 0.5 else 2):
            loan_no += 1
            lid = f"L{loan_no:09d}"
            start = onboarded + dt.timedelta(days=rnd.randrange(0, 300))
            maturity = add_months(start, 20)
            amount = rnd.randrange(100, 50000) * 1000
            rate = f"0.0{rnd.randrange(300, 800)}"
            due_amount = f"{amount / 20 * 1.04:.2f}"
            loans.write(f"{lid},{cid},{rnd.choice(PRODUCTS)},{amount}.00,CNY,{rate},{start.isoformat()},"
                        f"{maturity.isoformat()},active,\n")
            for n in range(1, 21):
                due = add_months(start, n)
                r = rnd.random()
                if r < 0.9:
                    paid, paid_amount = due, due_amount
                elif r < 0.98:
                    paid, paid_amount = due + dt.timedelta(days=rnd.randrange(1, 60)), due_amount
                else:
                    paid, paid_amount = None, ""
                f = installments.get(due.year)
                if f is None:
                    f = open_table(f"installments_{due.year}.csv",
                                   "loan_id,installment_no,due_date,due_amount,paid_date,paid_amount")
                    installments[due.year] = f
                f.write(f"{lid},{n},{due.isoformat()},{due_amount},{paid.isoformat() if paid else ''},{paid_amount}\n")
        if rnd.random() < 0.1:
            complaint_no += 1
            received = onboarded + dt.timedelta(days=rnd.randrange(30, 900))
            resolved = (received + dt.timedelta(days=rnd.randrange(1, 40))).isoformat() if rnd.random() < 0.8 else ""
            complaints.write(f"K{complaint_no:08d},{cid},{received.isoformat()},{rnd.choice(CATEGORIES)},"
                             f"{rnd.choice(['low', 'medium', 'high'])},{resolved},{str(rnd.random() < 0.05).lower()}\n")
        surveys.write(f"{cid},{(onboarded + dt.timedelta(days=rnd.randrange(30, 900))).isoformat()},"
                      f"{rnd.randrange(1, 6)},{rnd.randrange(0, 11)}\n")
        for _ in range(5):
            interactions.write(f"{cid},{(onboarded + dt.timedelta(days=rnd.randrange(0, 1000))).isoformat()},"
                               f"{rnd.choice(TYPES)},{rnd.choice(CHANNELS)}\n")
    for f in [customers, loans, complaints, surveys, interactions, *installments.values()]:
        f.close()


if __name__ == "__main__":
    main()
