import io.fidelis.core.domain.Customer;
import io.fidelis.store.duckdb.DuckDbBookStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One customer's history read from a workspace's DuckDB, as `fidelis explain` and the service's store mode read it:
 * 3 rounds of 50 customers drawn at random (seed 7) from the book, one by one; prints each round's mean. The first
 * round includes the first reads of the database file. Usage: java -Xmx2g -cp fidelis.jar bench/HistoryLookups.java
 * WORKSPACE
 */
public class HistoryLookups {

    public static void main(String[] args) {
        try (DuckDbBookStore store = DuckDbBookStore.open(Path.of(args[0]))) {
            List<String> ids = new ArrayList<>();
            store.forEachCustomer((Customer customer) -> ids.add(customer.id()));
            Random random = new Random(7);
            for (int round = 1; round <= 3; round++) {
                long started = System.nanoTime();
                int reads = 50;
                for (int i = 0; i < reads; i++) {
                    store.history(ids.get(random.nextInt(ids.size()))).orElseThrow();
                }
                System.out.printf(
                        "round %d: %.1f ms per history (%,d customers)%n",
                        round, (System.nanoTime() - started) / 1e6 / reads, ids.size());
            }
        }
    }
}
